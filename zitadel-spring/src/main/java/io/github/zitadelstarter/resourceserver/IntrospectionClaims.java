package io.github.zitadelstarter.resourceserver;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;

/**
 * The checks of an active token's introspection answer that Spring Security leaves to the
 * application: the issuer, the audience and the expiry, as for a JWT.
 */
final class IntrospectionClaims {

	private final String issuer;

	private final String audience;

	private final Clock clock;

	IntrospectionClaims(String issuer, String audience, Clock clock) {
		this.issuer = issuer;
		this.audience = audience;
		this.clock = clock;
	}

	/**
	 * The principal of an active token's claims, exp/iat/nbf as {@link Instant}s.
	 * @throws BadOpaqueTokenException if the token is not for this API
	 */
	OAuth2AuthenticatedPrincipal principal(Map<String, Object> claims) {
		Object iss = claims.get("iss");
		if (iss != null && !this.issuer.equals(iss.toString())) {
			throw new BadOpaqueTokenException("The token was issued by another issuer");
		}
		Object aud = claims.get("aud");
		Collection<?> audiences = (aud instanceof Collection<?> collection) ? collection
				: (aud != null) ? List.of(aud) : List.of();
		if (audiences.stream().noneMatch((each) -> this.audience.equals(String.valueOf(each)))) {
			throw new BadOpaqueTokenException("The token is not meant for this API (aud)");
		}
		Object exp = claims.get("exp");
		Instant expiresAt = instant(exp);
		if (expiresAt != null && !this.clock.instant().isBefore(expiresAt)) {
			throw new BadOpaqueTokenException("The token has expired");
		}
		Object subject = claims.get("sub");
		String sub = (subject != null) ? subject.toString() : "";
		if (sub.isEmpty()) {
			throw new BadOpaqueTokenException("The introspection answer has no sub");
		}
		Map<String, Object> converted = new java.util.LinkedHashMap<>(claims);
		for (String name : List.of("exp", "iat", "nbf")) {
			converted.computeIfPresent(name, (key, value) -> {
				Instant instant = instant(value);
				return (instant != null) ? instant : value;
			});
		}
		return new OAuth2IntrospectionAuthenticatedPrincipal(sub, converted, List.of());
	}

	static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		return (value instanceof Number number) ? Instant.ofEpochSecond(number.longValue()) : null;
	}

}
