package io.github.zitadelstarter.resourceserver;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.client.RestOperations;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Security's JWT decoders for ZITADEL's JWT access tokens: signatures checked against
 * the issuer's JWKS ({@code {issuer}/oauth/v2/keys}, cached, fetched again for an unknown
 * {@code kid}), and {@code iss}, {@code exp}/{@code nbf} and {@code aud} checked.
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
	public static NimbusJwtDecoder jwtDecoder(String issuer, String audience, RestOperations restOperations) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri(issuer))
			.restOperations(restOperations)
			.build();
		decoder.setJwtValidator(validator(issuer, audience));
		return decoder;
	}

	/**
	 * The decoder of a reactive application.
	 * @param issuer the issuer, exactly as the tokens' {@code iss}, without a trailing slash
	 * @param audience what a token's {@code aud} must contain, such as the project id
	 * @param webClient the HTTP client that fetches the JWKS
	 * @return the decoder
	 */
	public static NimbusReactiveJwtDecoder reactiveJwtDecoder(String issuer, String audience, WebClient webClient) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri(issuer))
			.webClient(webClient)
			.build();
		decoder.setJwtValidator(validator(issuer, audience));
		return decoder;
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

}
