package io.github.zitadelstarter.resourceserver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.zitadelstarter.key.ApplicationKey;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

/**
 * How the API application authenticates its introspection requests to ZITADEL:
 * {@code private_key_jwt} with its JSON key (what ZITADEL recommends) or HTTP Basic with its
 * client id and secret.
 */
public abstract sealed class IntrospectionClientAuthentication {

	static final String JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	/** ZITADEL refuses client assertions issued more than an hour ago. */
	private static final Duration LIFETIME = Duration.ofMinutes(1);

	private IntrospectionClientAuthentication() {
	}

	/**
	 * {@code private_key_jwt}: a client assertion signed with the application's key,
	 * {@code iss} = {@code sub} = its client id, {@code aud} = the issuer, {@code kid} = the
	 * key id, RS256, living one minute.
	 * @param key the application's key
	 * @param audience the issuer as ZITADEL sees it: scheme, host and port, no path
	 * @param clock the clock to date assertions by
	 * @return the authentication
	 */
	public static IntrospectionClientAuthentication privateKeyJwt(ApplicationKey key, String audience, Clock clock) {
		return new PrivateKeyJwt(key, audience, clock);
	}

	/**
	 * HTTP Basic with the client id and secret, each form-URL-encoded first (RFC 6749 2.3.1):
	 * ZITADEL's client ids contain {@code @}.
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return the authentication
	 */
	public static IntrospectionClientAuthentication basic(String clientId, String clientSecret) {
		return new Basic(clientId, clientSecret);
	}

	/** The client id that introspects. */
	public abstract String clientId();

	/**
	 * Adds the credential to an introspection request.
	 * @param headers the request's headers
	 * @param form the request's form
	 */
	abstract void apply(HttpHeaders headers, MultiValueMap<String, String> form);

	static final class PrivateKeyJwt extends IntrospectionClientAuthentication {

		private final ApplicationKey key;

		private final String audience;

		private final Clock clock;

		private final RSASSASigner signer;

		PrivateKeyJwt(ApplicationKey key, String audience, Clock clock) {
			Assert.hasText(audience, "audience must not be empty");
			this.key = key;
			this.audience = audience;
			this.clock = clock;
			this.signer = new RSASSASigner(key.getPrivateKey());
		}

		@Override
		public String clientId() {
			return this.key.getClientId();
		}

		@Override
		void apply(HttpHeaders headers, MultiValueMap<String, String> form) {
			form.set("client_assertion_type", JWT_BEARER_ASSERTION);
			form.set("client_assertion", sign());
		}

		String sign() {
			Instant now = this.clock.instant();
			JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyId())
				.type(JOSEObjectType.JWT)
				.build();
			// iat a little in the past: ZITADEL allows one second of skew.
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.key.getClientId())
				.subject(this.key.getClientId())
				.audience(this.audience)
				.issueTime(Date.from(now.minusSeconds(5)))
				.expirationTime(Date.from(now.plus(LIFETIME)))
				.jwtID(UUID.randomUUID().toString())
				.build();
			SignedJWT jwt = new SignedJWT(header, claims);
			try {
				jwt.sign(this.signer);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Could not sign the client assertion with the key " + this.key.getKeyId(),
						ex);
			}
			return jwt.serialize();
		}

		@Override
		public String toString() {
			return "private_key_jwt[clientId=" + this.key.getClientId() + ", keyId=" + this.key.getKeyId() + "]";
		}

	}

	static final class Basic extends IntrospectionClientAuthentication {

		private final String clientId;

		private final String authorization;

		Basic(String clientId, String clientSecret) {
			Assert.hasText(clientId, "clientId must not be empty");
			Assert.hasText(clientSecret, "clientSecret must not be empty");
			this.clientId = clientId;
			String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
					+ URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
			this.authorization = "Basic "
					+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String clientId() {
			return this.clientId;
		}

		@Override
		void apply(HttpHeaders headers, MultiValueMap<String, String> form) {
			headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
		}

		@Override
		public String toString() {
			return "client_secret_basic[clientId=" + this.clientId + ", clientSecret=******]";
		}

	}

}
