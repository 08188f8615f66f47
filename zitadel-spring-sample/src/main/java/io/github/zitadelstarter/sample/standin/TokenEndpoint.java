package io.github.zitadelstarter.sample.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ContentTypeHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZITADEL's {@code /oauth/v2/token} for the JWT bearer grant (RFC 7523), as strict as the
 * real one: every assertion it would refuse is refused, with the same opaque
 * {@code 500 Errors.Internal}. Unlike ZITADEL it logs why.
 */
final class TokenEndpoint implements ResponseDefinitionTransformerV2 {

	static final String NAME = "zitadel-stand-in-token-endpoint";

	static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	static final String ZITADEL_AUDIENCE_SCOPE = "urn:zitadel:iam:org:project:id:zitadel:aud";

	/** ZITADEL's clock skew allowance for {@code exp} and {@code iat}. */
	private static final Duration SKEW = Duration.ofSeconds(1);

	private static final Duration MAXIMUM_ASSERTION_AGE = Duration.ofHours(1);

	private static final Logger logger = LoggerFactory.getLogger(ZitadelStandIn.class);

	private final Supplier<String> issuer;

	private final String keyId;

	private final String userId;

	private final Instant keyExpiration;

	private final JWSVerifier verifier;

	private final AccessTokens tokens;

	private final Duration tokenLifetime;

	private final Clock clock;

	private final AtomicInteger requests = new AtomicInteger();

	TokenEndpoint(Supplier<String> issuer, String keyId, String userId, Instant keyExpiration, JWSVerifier verifier,
			AccessTokens tokens, Duration tokenLifetime, Clock clock) {
		this.issuer = issuer;
		this.keyId = keyId;
		this.userId = userId;
		this.keyExpiration = keyExpiration;
		this.verifier = verifier;
		this.tokens = tokens;
		this.tokenLifetime = tokenLifetime;
		this.clock = clock;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	int requests() {
		return this.requests.get();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		this.requests.incrementAndGet();
		Map<String, String> form = formParameters(serveEvent.getRequest());
		String grantType = form.get("grant_type");
		if (grantType == null || grantType.isEmpty()) {
			return Responses.oauthError(400, "invalid_request", "grant_type missing");
		}
		if (!JWT_BEARER.equals(grantType)) {
			return Responses.oauthError(400, "unsupported_grant_type", grantType + " not supported");
		}
		String scope = form.getOrDefault("scope", "").trim();
		if (scope.isEmpty()) {
			return Responses.oauthError(400, "invalid_request",
					"The scope of your request is missing. Please ensure some scopes are requested. "
							+ "If you have any questions, you may contact the administrator of the application.");
		}
		String assertion = form.get("assertion");
		if (assertion == null || assertion.isEmpty()) {
			return Responses.oauthError(400, "invalid_request", "assertion missing");
		}
		String refusal = refusal(assertion);
		if (refusal != null) {
			logger.warn("ZITADEL stand-in refused a JWT assertion because {}. A real ZITADEL answers only "
					+ "'500 server_error Errors.Internal' and does not say why.", refusal);
			return Responses.oauthError(500, "server_error", "Errors.Internal");
		}
		List<String> scopes = Arrays.asList(scope.split("\\s+"));
		boolean zitadelAudience = scopes.contains(ZITADEL_AUDIENCE_SCOPE);
		if (!zitadelAudience) {
			logger.warn("ZITADEL stand-in issued an access token without the scope '{}': like ZITADEL, its APIs "
					+ "will refuse that token (invalid audience)", ZITADEL_AUDIENCE_SCOPE);
		}
		String token = this.tokens.issue(this.tokenLifetime, zitadelAudience);
		return Responses.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
				+ this.tokenLifetime.getSeconds() + "}");
	}

	/**
	 * Checks an assertion the way ZITADEL does.
	 * @return why ZITADEL would refuse it, or {@code null} if it would accept it; never
	 * quotes the assertion itself
	 */
	private @Nullable String refusal(String assertion) {
		Instant now = this.clock.instant();
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(assertion);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			return "it is not a signed JWT with a JSON claims set (" + ex.getMessage() + ")";
		}
		JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
		if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.PS256.equals(algorithm)) {
			return "its alg is " + algorithm + ", not RS256 (or PS256)";
		}
		String kid = jwt.getHeader().getKeyID();
		if (!this.keyId.equals(kid)) {
			return "its kid '" + kid + "' is not the id of a key of this service user (" + this.keyId + ")";
		}
		if (!now.isBefore(this.keyExpiration)) {
			return "the service user's key expired at " + this.keyExpiration;
		}
		try {
			if (!jwt.verify(this.verifier)) {
				return "its signature does not verify with the service user's public key "
						+ "(was it signed with another key?)";
			}
		}
		catch (JOSEException ex) {
			return "its signature cannot be verified (" + ex.getMessage() + ")";
		}
		if (!Objects.equals(claims.getIssuer(), claims.getSubject())) {
			return "its iss '" + claims.getIssuer() + "' differs from its sub '" + claims.getSubject() + "'";
		}
		if (!this.userId.equals(claims.getSubject())) {
			return "its sub '" + claims.getSubject() + "' is not the service user's id (" + this.userId + ")";
		}
		String issuer = this.issuer.get();
		if (!claims.getAudience().contains(issuer)) {
			return "its aud " + claims.getAudience() + " does not contain the issuer exactly as ZITADEL sees it: '"
					+ issuer + "' (scheme, host and port; no path, no trailing slash)";
		}
		Date expiration = claims.getExpirationTime();
		if (expiration == null) {
			return "it has no exp";
		}
		if (!expiration.toInstant().isAfter(now.plus(SKEW))) {
			return "its exp " + expiration.toInstant() + " is not more than 1 s after now (" + now + ")";
		}
		Date issuedAt = claims.getIssueTime();
		if (issuedAt == null) {
			return "it has no iat";
		}
		if (issuedAt.toInstant().isAfter(now.plus(SKEW))) {
			return "its iat " + issuedAt.toInstant() + " is more than 1 s after now (" + now
					+ "): the client's clock runs ahead, or it should date iat a little in the past";
		}
		if (issuedAt.toInstant().isBefore(now.minus(MAXIMUM_ASSERTION_AGE))) {
			return "its iat " + issuedAt.toInstant() + " is more than 1 hour before now (" + now + ")";
		}
		return null;
	}

	/**
	 * The form fields of an {@code application/x-www-form-urlencoded} body; none for any
	 * other content type, as ZITADEL then finds no {@code grant_type} either.
	 */
	private static Map<String, String> formParameters(Request request) {
		Map<String, String> parameters = new HashMap<>();
		ContentTypeHeader contentType = request.contentTypeHeader();
		if (contentType == null || !contentType.isPresent()
				|| !"application/x-www-form-urlencoded".equalsIgnoreCase(contentType.mimeTypePart().trim())) {
			return parameters;
		}
		for (String pair : request.getBodyAsString().split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

}
