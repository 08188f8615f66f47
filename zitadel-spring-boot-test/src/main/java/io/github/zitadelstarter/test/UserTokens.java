package io.github.zitadelstarter.test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * What the local ZITADEL knows of users' access tokens and of the API application that
 * checks them: the instance's signing key (JWKS), the opaque tokens it issued, and the
 * introspection endpoint, which authenticates the API application as strictly as ZITADEL
 * (zitadel/oidc {@code pkg/op/verifier_jwt_profile.go}): {@code private_key_jwt} with
 * {@code aud} = the issuer, {@code iss} = {@code sub} = the client id, the signature of the
 * application's key, {@code exp} ahead and {@code iat} at most an hour old; or HTTP Basic,
 * each part form-URL-encoded.
 */
final class UserTokens {

	private static final System.Logger logger = System.getLogger(LocalZitadel.class.getName());

	/** This stand-in's own endpoint that issues a user's token for trying an API out; not ZITADEL's. */
	static final String LOCAL_TOKEN_PATH = "/local/token";

	private static final Duration SKEW = Duration.ofSeconds(1);

	private static final Duration MAXIMUM_ASSERTION_AGE = Duration.ofHours(1);

	private static final String JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final Supplier<String> issuer;

	private final Clock clock;

	/** The key that signs JWTs now; ZITADEL rotates it, and publishes the older ones until they are removed. */
	private volatile SigningKey signingKey = SigningKey.generate();

	private final List<SigningKey> publishedKeys = new CopyOnWriteArrayList<>(List.of(this.signingKey));

	private final KeyPair applicationKey = RsaKeys.generate();

	final String projectId = Directory.newId();

	final String appId = Directory.newId();

	final String applicationKeyId = Directory.newId();

	final String clientId = Directory.newId() + "@local-api";

	final String clientSecret;

	private final Map<String, Issued> opaque = new ConcurrentHashMap<>();

	private final Deque<Introspection> introspections = new ArrayDeque<>();

	/** Every introspection since the last clear, also those dropped from the record. */
	private final AtomicLong introspectionCount = new AtomicLong();

	UserTokens(Supplier<String> issuer, Clock clock, String clientSecret) {
		this.issuer = issuer;
		this.clock = clock;
		this.clientSecret = clientSecret;
	}

	String applicationKeyJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "application");
		json.put("keyId", this.applicationKeyId);
		json.put("key", RsaKeys.pkcs1Pem((RSAPrivateCrtKey) this.applicationKey.getPrivate()));
		json.put("appId", this.appId);
		json.put("clientId", this.clientId);
		return JSONObjectUtils.toJSONString(json);
	}

	/** The application key's pair, for tests of the introspection endpoint's strictness. */
	KeyPair applicationKeyPair() {
		return this.applicationKey;
	}

	String jwks() {
		List<JWK> keys = new ArrayList<>();
		for (SigningKey key : this.publishedKeys) {
			keys.add(new RSAKey.Builder((RSAPublicKey) key.pair().getPublic()).keyID(key.id())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build());
		}
		return JSONObjectUtils.toJSONString(new JWKSet(keys).toJSONObject(true));
	}

	/** A new signing key, with a new {@code kid}, published beside the older ones. */
	synchronized void rotateSigningKey() {
		SigningKey key = SigningKey.generate();
		this.publishedKeys.add(key);
		this.signingKey = key;
	}

	/** Only the current signing key stays published. */
	synchronized void removeOldSigningKeys() {
		this.publishedKeys.removeIf((key) -> key != this.signingKey);
	}

	String issueOpaque(Map<String, Object> claims, Duration lifetime) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(lifetime);
		this.opaque.values().removeIf((issued) -> issued.expiresAt().isBefore(now.minus(Duration.ofMinutes(5))));
		byte[] random = new byte[48];
		new java.security.SecureRandom().nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.opaque.put(token, new Issued(withTimes(claims, now, expiresAt), expiresAt));
		return token;
	}

	String issueJwt(Map<String, Object> claims, Duration lifetime) {
		Instant now = this.clock.instant();
		SigningKey key = this.signingKey;
		return sign(withTimes(claims, now, now.plus(lifetime)), key.pair(), key.id());
	}

	/** Signs a JWT as the instance does, with another key for a test of a bad signature. */
	static String sign(Map<String, Object> claims, KeyPair key, String keyId) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build(),
					JWTClaimsSet.parse(claims));
			jwt.sign(new RSASSASigner(key.getPrivate()));
			return jwt.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token", ex);
		}
	}

	private Map<String, Object> withTimes(Map<String, Object> claims, Instant now, Instant expiresAt) {
		Map<String, Object> withTimes = new LinkedHashMap<>(claims);
		withTimes.put("iss", this.issuer.get());
		withTimes.put("iat", now.getEpochSecond());
		withTimes.put("nbf", now.getEpochSecond());
		withTimes.put("exp", expiresAt.getEpochSecond());
		withTimes.put("jti", Directory.newId());
		return withTimes;
	}

	List<Introspection> introspections() {
		synchronized (this.introspections) {
			return List.copyOf(this.introspections);
		}
	}

	long introspectionCount() {
		return this.introspectionCount.get();
	}

	void clearIntrospections() {
		synchronized (this.introspections) {
			this.introspections.clear();
			this.introspectionCount.set(0);
		}
	}

	/** {@code POST /oauth/v2/introspect}. */
	Answer introspect(Request request) {
		Map<String, String> form = request.form();
		String[] basic = basic(request.header("Authorization"));
		String clientId;
		String method;
		String refusal;
		if (JWT_BEARER_ASSERTION.equals(form.get("client_assertion_type"))) {
			method = "private_key_jwt";
			String assertion = form.getOrDefault("client_assertion", "");
			clientId = subject(assertion);
			refusal = assertionRefusal(assertion);
		}
		else if (basic != null) {
			method = "client_secret_basic";
			clientId = basic[0];
			refusal = (this.clientId.equals(basic[0]) && this.clientSecret.equals(basic[1])) ? null
					: "the client id or secret is wrong (each must be form-URL-encoded before 'id:secret' is Base64-encoded)";
		}
		else {
			method = "none";
			clientId = null;
			refusal = "neither a client assertion nor HTTP Basic authenticates the API application";
		}
		if (refusal != null) {
			logger.log(System.Logger.Level.WARNING, "Local ZITADEL refused an introspection because " + refusal);
			record(new Introspection(clientId, method, 401, false, refusal, request.receivedAt()));
			return Answer.oauthError(401, "invalid_client", "client authentication failed");
		}
		Map<String, Object> answer = activeClaims(form.getOrDefault("token", ""));
		record(new Introspection(clientId, method, 200, answer != null, null, request.receivedAt()));
		if (answer == null) {
			return Answer.json(200, "{\"active\":false}");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("active", true);
		body.put("token_type", "Bearer");
		body.putAll(answer);
		return Answer.json(200, JSONObjectUtils.toJSONString(body));
	}

	private @Nullable Map<String, Object> activeClaims(String token) {
		Instant now = this.clock.instant();
		Issued issued = this.opaque.get(token);
		if (issued != null) {
			return now.isBefore(issued.expiresAt()) ? issued.claims() : null;
		}
		// ZITADEL introspects its JWT access tokens too.
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			SigningKey key = this.publishedKeys.stream()
				.filter((each) -> each.id().equals(jwt.getHeader().getKeyID()))
				.findFirst()
				.orElse(null);
			if (key == null || !jwt.verify(new RSASSAVerifier((RSAPublicKey) key.pair().getPublic()))) {
				return null;
			}
			Date exp = jwt.getJWTClaimsSet().getExpirationTime();
			if (exp == null || !now.isBefore(exp.toInstant())) {
				return null;
			}
			Map<String, Object> claims = new LinkedHashMap<>(jwt.getJWTClaimsSet().toJSONObject());
			return claims;
		}
		catch (ParseException | JOSEException ex) {
			return null;
		}
	}

	private void record(Introspection introspection) {
		synchronized (this.introspections) {
			this.introspectionCount.incrementAndGet();
			this.introspections.addLast(introspection);
			while (this.introspections.size() > LocalZitadel.RECORD_LIMIT) {
				this.introspections.removeFirst();
			}
		}
	}

	private static @Nullable String subject(String assertion) {
		try {
			return SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private @Nullable String assertionRefusal(String assertion) {
		Instant now = this.clock.instant();
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(assertion);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			return "the client assertion is not a signed JWT";
		}
		if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
			return "the client assertion's alg is " + jwt.getHeader().getAlgorithm() + ", not RS256";
		}
		if (!this.applicationKeyId.equals(jwt.getHeader().getKeyID())) {
			return "the client assertion's kid '" + jwt.getHeader().getKeyID() + "' is not the application key's id";
		}
		try {
			if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) this.applicationKey.getPublic()))) {
				return "the client assertion's signature does not verify with the application's key";
			}
		}
		catch (JOSEException ex) {
			return "the client assertion's signature cannot be verified";
		}
		if (!this.clientId.equals(claims.getIssuer()) || !Objects.equals(claims.getIssuer(), claims.getSubject())) {
			return "the client assertion's iss '" + claims.getIssuer() + "' and sub '" + claims.getSubject()
					+ "' must both be the client id '" + this.clientId + "'";
		}
		if (claims.getAudience() == null || !claims.getAudience().contains(this.issuer.get())) {
			return "the client assertion's aud " + claims.getAudience() + " does not contain the issuer '"
					+ this.issuer.get() + "'";
		}
		Date exp = claims.getExpirationTime();
		if (exp == null || !exp.toInstant().isAfter(now.plus(SKEW))) {
			return "the client assertion has no exp ahead of now";
		}
		Date iat = claims.getIssueTime();
		if (iat == null || iat.toInstant().isAfter(now.plus(SKEW))
				|| iat.toInstant().isBefore(now.minus(MAXIMUM_ASSERTION_AGE))) {
			return "the client assertion's iat is missing, ahead of now or more than an hour old";
		}
		return null;
	}

	private static String @Nullable [] basic(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : new String[] { Request.decode(decoded.substring(0, colon)),
					Request.decode(decoded.substring(colon + 1)) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private record Issued(Map<String, Object> claims, Instant expiresAt) {
	}

	private record SigningKey(KeyPair pair, String id) {

		static SigningKey generate() {
			return new SigningKey(RsaKeys.generate(), Directory.newId());
		}

	}

}
