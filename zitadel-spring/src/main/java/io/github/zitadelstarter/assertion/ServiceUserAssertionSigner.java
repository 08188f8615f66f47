package io.github.zitadelstarter.assertion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.zitadelstarter.key.ServiceUserKey;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Signs the JWT assertions (RFC 7523) that a ZITADEL service user trades for access tokens.
 *
 * <p>
 * ZITADEL allows only one second of clock skew, so {@code iat} is dated {@code clockSkew}
 * in the past: a client whose clock runs up to that much ahead of ZITADEL's is still
 * accepted. ZITADEL refuses an {@code iat} older than one hour, which bounds
 * {@code clockSkew + lifetime}.
 */
public final class ServiceUserAssertionSigner {

	/** ZITADEL refuses assertions issued longer ago than this. */
	public static final Duration MAXIMUM_AGE = Duration.ofHours(1);

	private final Supplier<ServiceUserKey> key;

	private final String audience;

	private final Duration lifetime;

	private final Duration clockSkew;

	private final Clock clock;

	/** The key last signed with, and its signer: built again only when the key changes. */
	private volatile KeySigner keySigner;

	/**
	 * Creates a signer with a key that never changes.
	 * @param key the service user's key
	 * @param audience the issuer as ZITADEL sees it: scheme, host and port, no path
	 * @param lifetime how long after now the assertion stays valid
	 * @param clockSkew how far in the past {@code iat} is dated
	 * @param clock the clock to read now from
	 */
	public ServiceUserAssertionSigner(ServiceUserKey key, String audience, Duration lifetime, Duration clockSkew,
			Clock clock) {
		this(() -> key, audience, lifetime, clockSkew, clock);
	}

	/**
	 * Creates a signer.
	 * @param key the service user's key in use, asked for each assertion, such as a key
	 * file that is read again when it changes
	 * @param audience the issuer as ZITADEL sees it: scheme, host and port, no path
	 * @param lifetime how long after now the assertion stays valid
	 * @param clockSkew how far in the past {@code iat} is dated
	 * @param clock the clock to read now from, such as a {@link ZitadelClock}
	 */
	public ServiceUserAssertionSigner(Supplier<ServiceUserKey> key, String audience, Duration lifetime,
			Duration clockSkew, Clock clock) {
		Assert.isTrue(!lifetime.isNegative() && !lifetime.isZero(), "lifetime must be positive");
		Assert.isTrue(!clockSkew.isNegative(), "clockSkew must not be negative");
		Assert.isTrue(clockSkew.plus(lifetime).compareTo(MAXIMUM_AGE) <= 0, "clockSkew + lifetime must be <= 1h");
		this.key = key;
		this.audience = audience;
		this.lifetime = lifetime;
		this.clockSkew = clockSkew;
		this.clock = clock;
		this.keySigner = new KeySigner(key.get());
	}

	/**
	 * Signs a new assertion dated now.
	 * @return the signed assertion as Spring Security's {@link Jwt}, ready for a
	 * {@code JwtBearerGrantRequest}
	 */
	public Jwt sign() {
		KeySigner keySigner = keySigner();
		ServiceUserKey key = keySigner.key();
		Instant now = this.clock.instant();
		Instant issuedAt = now.minus(this.clockSkew);
		Instant expiresAt = now.plus(this.lifetime);
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyId())
			.type(JOSEObjectType.JWT)
			.build();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(key.getUserId())
			.subject(key.getUserId())
			.audience(this.audience)
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(keySigner.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign the assertion with the key " + key.getKeyId(), ex);
		}
		return Jwt.withTokenValue(jwt.serialize())
			.headers((headers) -> headers.putAll(header.toJSONObject()))
			.claims((c) -> c.putAll(Map.of("iss", key.getUserId(), "sub", key.getUserId(), "aud",
					List.of(this.audience), "jti", claims.getJWTID())))
			.issuedAt(issuedAt.truncatedTo(ChronoUnit.SECONDS))
			.expiresAt(expiresAt.truncatedTo(ChronoUnit.SECONDS))
			.build();
	}

	/** The {@code aud} every assertion carries. */
	public String getAudience() {
		return this.audience;
	}

	/** The key in use, whose id and user the next assertion names. */
	public ServiceUserKey getKey() {
		return this.key.get();
	}

	private KeySigner keySigner() {
		KeySigner current = this.keySigner;
		ServiceUserKey key = this.key.get();
		if (current.key() != key) {
			current = new KeySigner(key);
			this.keySigner = current;
		}
		return current;
	}

	private record KeySigner(ServiceUserKey key, RSASSASigner signer) {

		KeySigner(ServiceUserKey key) {
			this(key, new RSASSASigner(key.getPrivateKey()));
		}

	}

}
