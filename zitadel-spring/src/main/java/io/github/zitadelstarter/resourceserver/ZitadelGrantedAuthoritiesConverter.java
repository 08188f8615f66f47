package io.github.zitadelstarter.resourceserver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Turns ZITADEL's roles claims into authorities, {@code ROLE_<role>} by default, so that
 * {@code hasRole("admin")} works; and the scopes into {@code SCOPE_<scope>}, as Spring
 * Security does.
 */
public final class ZitadelGrantedAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

	/** The prefix {@code hasRole} expects. */
	public static final String DEFAULT_ROLE_PREFIX = "ROLE_";

	private final String rolePrefix;

	/** Creates a converter with the prefix {@value #DEFAULT_ROLE_PREFIX}. */
	public ZitadelGrantedAuthoritiesConverter() {
		this(DEFAULT_ROLE_PREFIX);
	}

	/**
	 * Creates a converter.
	 * @param rolePrefix the prefix of each role's authority, possibly empty
	 */
	public ZitadelGrantedAuthoritiesConverter(String rolePrefix) {
		Assert.notNull(rolePrefix, "rolePrefix must not be null");
		this.rolePrefix = rolePrefix;
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		return authorities(jwt.getClaims());
	}

	/**
	 * The authorities of a token's claims or an introspection answer.
	 * @param claims the claims
	 * @return the authorities
	 */
	public List<GrantedAuthority> authorities(Map<String, ?> claims) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String role : ZitadelRoles.fromClaims(claims).getRoleNames()) {
			authorities.add(new SimpleGrantedAuthority(this.rolePrefix + role));
		}
		Object scope = claims.get("scope");
		Collection<?> scopes = (scope instanceof String text) ? List.of(text.trim().split("\\s+"))
				: (scope instanceof Collection<?> collection) ? collection : List.of();
		for (Object each : scopes) {
			if (each != null && !each.toString().isEmpty()) {
				authorities.add(new SimpleGrantedAuthority("SCOPE_" + each));
			}
		}
		return authorities;
	}

}
