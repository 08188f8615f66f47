package io.github.zitadelstarter.resourceserver;

import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenAuthenticationConverter;

/**
 * The authentication converters that give a user's token ZITADEL's roles as authorities:
 * for JWTs, Spring Security's own {@link JwtAuthenticationConverter} (which Spring Security
 * picks up as a bean), and for introspected tokens a {@link BearerTokenAuthentication} whose
 * principal is a {@link ZitadelPrincipal}.
 */
public final class ZitadelAuthenticationConverters {

	private ZitadelAuthenticationConverters() {
	}

	/**
	 * The converter of JWTs: principal {@code sub}, authorities from the roles and scopes.
	 * @param authorities the roles' authorities
	 * @return the converter
	 */
	public static JwtAuthenticationConverter jwt(ZitadelGrantedAuthoritiesConverter authorities) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

	/**
	 * The reactive converter of JWTs, as {@link #jwt(ZitadelGrantedAuthoritiesConverter)}.
	 * @param authorities the roles' authorities
	 * @return the converter
	 */
	public static ReactiveJwtAuthenticationConverter reactiveJwt(ZitadelGrantedAuthoritiesConverter authorities) {
		ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new ReactiveJwtGrantedAuthoritiesConverterAdapter(authorities));
		return converter;
	}

	/**
	 * The converter of introspected tokens.
	 * @param authorities the roles' authorities
	 * @return the converter
	 */
	public static OpaqueTokenAuthenticationConverter opaqueToken(ZitadelGrantedAuthoritiesConverter authorities) {
		return (token, principal) -> authentication(token, principal, authorities);
	}

	/**
	 * The reactive converter of introspected tokens.
	 * @param authorities the roles' authorities
	 * @return the converter
	 */
	public static ReactiveOpaqueTokenAuthenticationConverter reactiveOpaqueToken(
			ZitadelGrantedAuthoritiesConverter authorities) {
		return (token, principal) -> Mono.just(authentication(token, principal, authorities));
	}

	private static BearerTokenAuthentication authentication(String token, OAuth2AuthenticatedPrincipal principal,
			ZitadelGrantedAuthoritiesConverter authorities) {
		Map<String, Object> claims = principal.getAttributes();
		ZitadelPrincipal zitadelPrincipal = new ZitadelPrincipal(claims, authorities.authorities(claims));
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token,
				instant(claims.get("iat")), instant(claims.get("exp")));
		return new BearerTokenAuthentication(zitadelPrincipal, accessToken, zitadelPrincipal.getAuthorities());
	}

	private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		return (value instanceof Number number) ? Instant.ofEpochSecond(number.longValue()) : null;
	}

}
