package io.github.zitadelstarter.resourceserver;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * A user of ZITADEL as an access token describes them: their id ({@code sub}), their
 * organization ({@code urn:zitadel:iam:user:resourceowner:id}) and the roles they were
 * granted per organization. The principal of an introspected token; for a JWT, whose
 * principal is Spring Security's {@code Jwt}, {@link #from(Authentication)} gives the same
 * view.
 */
public final class ZitadelPrincipal implements OAuth2AuthenticatedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Map<String, Object> attributes;

	private final List<GrantedAuthority> authorities;

	private final transient ZitadelRoles roles;

	/**
	 * Creates the principal.
	 * @param claims the token's claims or introspection answer
	 * @param authorities the authorities granted
	 */
	public ZitadelPrincipal(Map<String, Object> claims, Collection<? extends GrantedAuthority> authorities) {
		this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(claims));
		this.authorities = List.copyOf(authorities);
		this.roles = ZitadelRoles.fromClaims(claims);
	}

	/**
	 * The ZITADEL view of an authenticated bearer token, a JWT or an introspected one.
	 * @param authentication the authentication
	 * @return the principal
	 * @throws IllegalArgumentException if the authentication is not of a bearer token
	 */
	public static ZitadelPrincipal from(Authentication authentication) {
		if (authentication.getPrincipal() instanceof ZitadelPrincipal principal) {
			return principal;
		}
		if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
			return new ZitadelPrincipal(token.getTokenAttributes(), token.getAuthorities());
		}
		throw new IllegalArgumentException(
				"Not the authentication of a bearer token: " + authentication.getClass().getName());
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.authorities;
	}

	/** The user's id, {@code sub}. */
	@Override
	public String getName() {
		return getUserId();
	}

	/** The user's id, {@code sub}. */
	public String getUserId() {
		Object sub = this.attributes.get("sub");
		return (sub != null) ? sub.toString() : "";
	}

	/** The id of the user's organization, when the token was asked with {@code urn:zitadel:iam:user:resourceowner}. */
	public @Nullable String getOrganizationId() {
		Object id = this.attributes.get(ZitadelClaimNames.RESOURCE_OWNER_ID);
		return (id != null) ? id.toString() : null;
	}

	/** The roles granted to the user, per organization. */
	public ZitadelRoles getRoles() {
		return (this.roles != null) ? this.roles : ZitadelRoles.fromClaims(this.attributes);
	}

	@Override
	public String toString() {
		return "ZitadelPrincipal[userId=" + getUserId() + ", organizationId=" + getOrganizationId() + ", roles="
				+ getRoles().getRoleNames() + "]";
	}

}
