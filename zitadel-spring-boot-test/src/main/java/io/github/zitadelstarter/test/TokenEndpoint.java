package io.github.zitadelstarter.test;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * ZITADEL's {@code POST /oauth/v2/token} for a service user: the JWT bearer grant (RFC 7523)
 * and the {@code client_credentials} grant, as strict as ZITADEL. Every assertion ZITADEL
 * would refuse is refused with its opaque {@code 500 Errors.Internal}; unlike ZITADEL, the
 * reason is recorded and logged.
 */
final class TokenEndpoint {

	static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	static final String CLIENT_CREDENTIALS = "client_credentials";

	static final String ZITADEL_AUDIENCE_SCOPE = "urn:zitadel:iam:org:project:id:zitadel:aud";

	static final String SCOPE_MISSING = "The scope of your request is missing. Please ensure some scopes are requested. "
			+ "If you have any questions, you may contact the administrator of the application.";

	/** ZITADEL's clock skew allowance for {@code exp} and {@code iat}. */
	private static final Duration SKEW = Duration.ofSeconds(1);

	private static final Duration MAXIMUM_ASSERTION_AGE = Duration.ofHours(1);

	private static final System.Logger logger = System.getLogger(LocalZitadel.class.getName());

	private final LocalZitadel zitadel;

	private final Supplier<String> issuer;

	private final JWSVerifier verifier;

	private final AccessTokens tokens;

	private final Clock clock;

	TokenEndpoint(LocalZitadel zitadel, Supplier<String> issuer, JWSVerifier verifier, AccessTokens tokens,
			Clock clock) {
		this.zitadel = zitadel;
		this.issuer = issuer;
		this.verifier = verifier;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** The answer to a token request, and the record of it. */
	record Outcome(Answer answer, TokenRequest record) {
	}

	Outcome handle(Request request) {
		Map<String, String> form = request.form();
		Attempt attempt = new Attempt(request, form);
		String grantType = form.getOrDefault("grant_type", "");
		if (grantType.isEmpty()) {
			return attempt.refuse(Answer.oauthError(400, "invalid_request", "grant_type missing"), "grant_type missing");
		}
		Answer injected = this.zitadel.takeTokenFailure();
		if (injected != null) {
			return attempt.refuse(injected, "a failure injected by failNextTokenRequests");
		}
		if (JWT_BEARER.equals(grantType)) {
			return jwtBearer(attempt, form);
		}
		if (CLIENT_CREDENTIALS.equals(grantType)) {
			return clientCredentials(attempt, request, form);
		}
		return attempt.refuse(Answer.oauthError(400, "unsupported_grant_type", grantType + " not supported"),
				"grant_type " + grantType + " is not supported");
	}

	private Outcome jwtBearer(Attempt attempt, Map<String, String> form) {
		if (attempt.scopes.isEmpty()) {
			return attempt.refuse(Answer.oauthError(400, "invalid_request", SCOPE_MISSING), "scope missing");
		}
		String assertion = form.getOrDefault("assertion", "");
		if (assertion.isEmpty()) {
			return attempt.refuse(Answer.oauthError(400, "invalid_request", "assertion missing"), "assertion missing");
		}
		String refusal = refusal(assertion, attempt);
		if (refusal == null && this.zitadel.takeAssertionRefusal()) {
			refusal = "refused by refuseNextAssertions";
		}
		if (refusal != null) {
			logger.log(System.Logger.Level.WARNING, "Local ZITADEL refused a JWT assertion because " + refusal
					+ ". ZITADEL answers only '500 server_error Errors.Internal' and does not say why.");
			return attempt.refuse(Answer.oauthError(500, "server_error", "Errors.Internal"), refusal);
		}
		return attempt.grant(issue(attempt.scopes));
	}

	private Outcome clientCredentials(Attempt attempt, Request request, Map<String, String> form) {
		String authorization = request.header("Authorization");
		String[] basic = (request.headerCount("Authorization") == 1) ? basic(authorization) : null;
		if (basic == null) {
			return attempt.refuse(Answer.json(401, "{\"error\":\"invalid_client\"}"),
					"no 'Authorization: Basic' header with a client id and secret");
		}
		attempt.clientId = basic[0];
		if (!this.zitadel.clientId().equals(basic[0]) || !this.zitadel.clientSecret().equals(basic[1])) {
			return attempt.refuse(Answer.json(401, "{\"error\":\"invalid_client\"}"),
					"the client id or secret is wrong (each must be form-URL-encoded before 'id:secret' is Base64-encoded)");
		}
		if (attempt.scopes.isEmpty()) {
			return attempt.refuse(Answer.oauthError(400, "invalid_request", SCOPE_MISSING), "scope missing");
		}
		if (!attempt.scopes.contains("openid")) {
			return attempt.refuse(Answer.oauthError(400, "invalid_scope", "openid scope missing"),
					"the scope openid is missing");
		}
		return attempt.grant(issue(attempt.scopes));
	}

	private Answer issue(List<String> scopes) {
		boolean zitadelAudience = scopes.contains(ZITADEL_AUDIENCE_SCOPE);
		if (!zitadelAudience) {
			logger.log(System.Logger.Level.WARNING, "Local ZITADEL issued an access token without the scope '"
					+ ZITADEL_AUDIENCE_SCOPE + "': like ZITADEL, its APIs will refuse that token (invalid audience)");
		}
		Duration lifetime = this.zitadel.accessTokenLifetime();
		String token = this.tokens.issue(this.clock.instant().plus(lifetime), scopes);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", token);
		body.put("token_type", "Bearer");
		body.put("expires_in", lifetime.getSeconds());
		return Answer.json(200, JSONObjectUtils.toJSONString(body));
	}

	/**
	 * HTTP Basic as RFC 6749 2.3.1 has it: {@code id:secret} Base64-encoded, each part
	 * form-URL-encoded first.
	 */
	private static String @Nullable [] basic(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return null;
			}
			return new String[] { Request.decode(decoded.substring(0, colon)),
					Request.decode(decoded.substring(colon + 1)) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Checks an assertion the way ZITADEL does.
	 * @return why ZITADEL would refuse it, or {@code null} if it would accept it; never
	 * quotes the assertion itself
	 */
	private @Nullable String refusal(String assertion, Attempt attempt) {
		Instant now = this.clock.instant();
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(assertion);
			attempt.assertionHeader = jwt.getHeader().toJSONObject();
			claims = jwt.getJWTClaimsSet();
			attempt.assertionClaims = claims.toJSONObject();
		}
		catch (ParseException ex) {
			return "it is not a signed JWT with a JSON claims set (" + ex.getMessage() + ")";
		}
		JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
		if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.PS256.equals(algorithm)) {
			return "its alg is " + algorithm + ", not RS256 (or PS256)";
		}
		String kid = jwt.getHeader().getKeyID();
		if (!this.zitadel.keyId().equals(kid)) {
			return "its kid '" + kid + "' is not the id of a key of this service user (" + this.zitadel.keyId() + ")";
		}
		if (!now.isBefore(this.zitadel.keyExpiration())) {
			return "the service user's key expired at " + this.zitadel.keyExpiration();
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
		if (!this.zitadel.userId().equals(claims.getSubject())) {
			return "its sub '" + claims.getSubject() + "' is not the service user's id (" + this.zitadel.userId() + ")";
		}
		String issuer = this.issuer.get();
		if (claims.getAudience() == null || !claims.getAudience().contains(issuer)) {
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

	/** What is known of one token request so far, for its record. */
	private static final class Attempt {

		private final Request request;

		private final String grantType;

		private final List<String> scopes;

		private final Map<String, String> parameters;

		@Nullable String clientId;

		Map<String, Object> assertionHeader = Map.of();

		Map<String, Object> assertionClaims = Map.of();

		Attempt(Request request, Map<String, String> form) {
			this.request = request;
			this.grantType = form.getOrDefault("grant_type", "");
			String scope = form.getOrDefault("scope", "").trim();
			this.scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split("\\s+"));
			this.parameters = new LinkedHashMap<>(form);
			this.parameters.remove("assertion");
			this.parameters.remove("client_secret");
		}

		Outcome grant(Answer answer) {
			return new Outcome(answer, record(answer, null));
		}

		Outcome refuse(Answer answer, String why) {
			return new Outcome(answer, record(answer, why));
		}

		private TokenRequest record(Answer answer, @Nullable String refusal) {
			return new TokenRequest(this.grantType, this.scopes, this.parameters,
					this.request.headersWithoutCredentials(), this.clientId, this.assertionHeader,
					withoutNulls(this.assertionClaims), answer.status(), refusal, this.request.receivedAt());
		}

		private static Map<String, Object> withoutNulls(Map<String, Object> map) {
			Map<String, Object> copy = new LinkedHashMap<>(map);
			copy.values().removeIf(Objects::isNull);
			return copy;
		}

	}

}
