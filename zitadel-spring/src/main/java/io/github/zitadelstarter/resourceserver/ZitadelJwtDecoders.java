package io.github.zitadelstarter.resourceserver;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.client.RestOperations;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Security's JWT decoders for ZITADEL's JWT access tokens: signatures checked against
 * the issuer's JWKS ({@code {issuer}/oauth/v2/keys}, cached, fetched again for an unknown
 * {@code kid}), and {@code iss}, {@code exp}/{@code nbf} and {@code aud} checked. A token
 * checked once is not checked again until its {@code exp} (5 minutes at most), while the key
 * that signed it is still trusted (see {@link VerifiedJwts}).
 */
public final class ZitadelJwtDecoders {

	private ZitadelJwtDecoders() {
	}

	/**
	 * The decoder of a servlet application.
	 * @param issuer the issuer, exactly as the tokens' {@code iss}, without a trailing slash
	 * @param audience what a token's {@code aud} must contain, such as the project id
	 * @param restOperations the HTTP client that fetches the JWKS
	 * @return the decoder
	 */
	public static JwtDecoder jwtDecoder(String issuer, String audience, RestOperations restOperations) {
		AtomicReference<@Nullable JWKSource<SecurityContext>> keys = new AtomicReference<>();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri(issuer))
			.restOperations(restOperations)
			.jwtProcessorCustomizer((processor) -> keys.set(jwkSource(processor.getJWSKeySelector())))
			.build();
		decoder.setJwtValidator(validator(issuer, audience));
		JWKSource<SecurityContext> jwkSource = keys.get();
		return (jwkSource != null) ? new CachingJwtDecoder(decoder, jwkSource, Clock.systemUTC()) : decoder;
	}

	/**
	 * The decoder of a reactive application.
	 * @param issuer the issuer, exactly as the tokens' {@code iss}, without a trailing slash
	 * @param audience what a token's {@code aud} must contain, such as the project id
	 * @param webClient the HTTP client that fetches the JWKS
	 * @return the decoder
	 */
	public static ReactiveJwtDecoder reactiveJwtDecoder(String issuer, String audience, WebClient webClient) {
		// The reactive JWKS source is not reachable: its fetches are counted instead, and a
		// token checked before the latest fetch is checked again.
		AtomicLong jwksFetches = new AtomicLong();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri(issuer))
			.webClient(webClient.mutate()
				.filter((request, next) -> next.exchange(request).doOnNext((response) -> jwksFetches.incrementAndGet()))
				.build())
			.build();
		decoder.setJwtValidator(validator(issuer, audience));
		return new CachingReactiveJwtDecoder(decoder, jwksFetches, Clock.systemUTC());
	}

	/**
	 * ZITADEL's JWKS endpoint.
	 * @param issuer the issuer, without a trailing slash
	 * @return {@code {issuer}/oauth/v2/keys}
	 */
	public static String jwkSetUri(String issuer) {
		return issuer + "/oauth/v2/keys";
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		return JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer),
				new JwtAudienceValidator(audience));
	}

	private static @Nullable JWKSource<SecurityContext> jwkSource(JWSKeySelector<SecurityContext> selector) {
		return (selector instanceof JWSVerificationKeySelector<SecurityContext> verification)
				? verification.getJWKSource() : null;
	}

	/** Checks a token only if it was not checked before under the keys still published. */
	private static final class CachingJwtDecoder implements JwtDecoder {

		private final JwtDecoder decoder;

		private final JWKSource<SecurityContext> keys;

		private final VerifiedJwts verified;

		CachingJwtDecoder(JwtDecoder decoder, JWKSource<SecurityContext> keys, Clock clock) {
			this.decoder = decoder;
			this.keys = keys;
			this.verified = new VerifiedJwts(clock);
		}

		@Override
		public Jwt decode(String token) throws JwtException {
			Jwt jwt = this.verified.get(token, (entry) -> stillPublished(entry.jwt()));
			if (jwt == null) {
				jwt = this.decoder.decode(token);
				this.verified.put(token, jwt, 0);
			}
			return jwt;
		}

		/** Whether the JWKS the decoder holds (fetched again if it is stale) has the token's key. */
		private boolean stillPublished(Jwt jwt) {
			Object keyId = jwt.getHeaders().get("kid");
			if (!(keyId instanceof String kid)) {
				return false;
			}
			try {
				return !this.keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null).isEmpty();
			}
			catch (KeySourceException ex) {
				return false;
			}
		}

	}

	/** Checks a token only if it was not checked before the latest JWKS fetch. */
	private static final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

		private final ReactiveJwtDecoder decoder;

		private final AtomicLong jwksFetches;

		private final VerifiedJwts verified;

		CachingReactiveJwtDecoder(ReactiveJwtDecoder decoder, AtomicLong jwksFetches, Clock clock) {
			this.decoder = decoder;
			this.jwksFetches = jwksFetches;
			this.verified = new VerifiedJwts(clock);
		}

		@Override
		public Mono<Jwt> decode(String token) throws JwtException {
			long fetches = this.jwksFetches.get();
			Jwt jwt = this.verified.get(token, (entry) -> entry.keys() == fetches);
			if (jwt != null) {
				return Mono.just(jwt);
			}
			return this.decoder.decode(token).doOnNext((decoded) -> this.verified.put(token, decoded, fetches));
		}

	}

}
