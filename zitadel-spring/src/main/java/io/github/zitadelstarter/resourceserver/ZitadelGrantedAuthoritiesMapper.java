package io.github.zitadelstarter.resourceserver;

import java.net.URL;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.util.Assert;

/**
 * Gives users who log in with ZITADEL ({@code oauth2Login}) the same authorities for ZITADEL's
 * roles as the resource server gives their tokens: {@code ROLE_<role>} by default, for the
 * roles claims of the ID token and of the userinfo. Only for an ID token that ZITADEL issued
 * (its {@code iss} is the issuer); the authorities Spring Security gave are kept, and users of
 * other providers are left as they are.
 */
public final class ZitadelGrantedAuthoritiesMapper implements GrantedAuthoritiesMapper {

	private final String issuer;

	private final String rolePrefix;

	/**
	 * Creates a mapper.
	 * @param issuer ZITADEL's issuer, exactly as its ID tokens' {@code iss}, without a
	 * trailing slash
	 * @param rolePrefix the prefix of each role's authority, possibly empty
	 */
	public ZitadelGrantedAuthoritiesMapper(String issuer, String rolePrefix) {
		Assert.hasText(issuer, "issuer must not be empty");
		Assert.notNull(rolePrefix, "rolePrefix must not be null");
		this.issuer = issuer;
		this.rolePrefix = rolePrefix;
	}

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
		Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof OidcUserAuthority oidc && isZitadel(oidc)) {
				// Each read on its own: the same claim may carry other roles in each.
				addRoles(oidc.getIdToken().getClaims(), mapped);
				if (oidc.getUserInfo() != null) {
					addRoles(oidc.getUserInfo().getClaims(), mapped);
				}
			}
		}
		return mapped;
	}

	private void addRoles(Map<String, Object> claims, Set<GrantedAuthority> authorities) {
		for (String role : ZitadelRoles.fromClaims(claims).getRoleNames()) {
			authorities.add(new SimpleGrantedAuthority(this.rolePrefix + role));
		}
	}

	private boolean isZitadel(OidcUserAuthority authority) {
		URL issuer = authority.getIdToken().getIssuer();
		if (issuer == null) {
			return false;
		}
		String value = issuer.toString();
		return this.issuer.equals(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
	}

}
