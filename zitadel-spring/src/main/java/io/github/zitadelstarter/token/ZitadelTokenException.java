package io.github.zitadelstarter.token;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * No access token could be obtained from ZITADEL. The message says what ZITADEL answered, the
 * likely causes, and the claims of the assertion that was sent, never the signed assertion.
 */
public class ZitadelTokenException extends ClientAuthorizationException {

	private final @Nullable TokenEndpointException endpointFailure;

	ZitadelTokenException(OAuth2Error error, String message, @Nullable TokenEndpointException endpointFailure,
			Throwable cause) {
		super(error, ZitadelTokenSource.REGISTRATION_ID, message, cause);
		this.endpointFailure = endpointFailure;
	}

	/**
	 * Explains why a token request failed.
	 * @param failure what the token request ended with
	 * @param tokenUri where the request went
	 * @param assertion the assertion that was sent, if the grant has one
	 * @return the explained failure
	 */
	static ZitadelTokenException explain(Throwable failure, String tokenUri, @Nullable Jwt assertion) {
		if (failure instanceof ZitadelTokenException explained) {
			return explained;
		}
		TokenEndpointException endpointFailure = findCause(failure, TokenEndpointException.class);
		OAuth2AuthorizationException oauth2Failure = findCause(failure, OAuth2AuthorizationException.class);
		StringBuilder message = new StringBuilder("Could not obtain an access token from ZITADEL at ").append(tokenUri)
			.append(": ");
		OAuth2Error error;
		if (endpointFailure != null) {
			error = endpointFailure.getError();
			message.append("HTTP ").append(endpointFailure.getStatusCode()).append(", ").append(describe(error));
			if (endpointFailure.isProbablyRejectedAssertion() && assertion != null) {
				message.append(". ZITADEL answers this way to every assertion it rejects. Likely causes: ")
					.append(String.join("; ", LIKELY_CAUSES_OF_A_REJECTED_ASSERTION));
			}
			if (OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
				message.append(". ZITADEL does not know this client id and secret: check zitadel.service-user.client-id "
						+ "and zitadel.service-user.client-secret, or generate a new secret for the service user");
			}
		}
		else if (oauth2Failure != null && INVALID_TOKEN_RESPONSE.equals(oauth2Failure.getError().getErrorCode())) {
			error = oauth2Failure.getError();
			message.append("the answer is not an OAuth2 token response (").append(error.getDescription()).append(")");
		}
		else if (oauth2Failure != null && !OAuth2ErrorCodes.SERVER_ERROR.equals(oauth2Failure.getError().getErrorCode())) {
			error = oauth2Failure.getError();
			message.append(describe(error));
		}
		else {
			Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
			error = new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, "token endpoint unreachable", null);
			message.append("the token endpoint did not answer (").append(root.getClass().getSimpleName());
			if (root.getMessage() != null) {
				message.append(": ").append(root.getMessage());
			}
			message.append("). Check zitadel.issuer (or zitadel.token-endpoint) and that ZITADEL is reachable");
		}
		if (assertion != null) {
			message.append(". Assertion sent: ").append(claims(assertion));
		}
		message.append('.');
		return new ZitadelTokenException(error, message.toString(), endpointFailure, failure);
	}

	/** Spring Security's code for an answer it could not read as a token response. */
	private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	private static final List<String> LIKELY_CAUSES_OF_A_REJECTED_ASSERTION = List.of(
			"zitadel.issuer is not exactly the instance's issuer (the 'aud' sent must equal it: scheme, host, port, "
					+ "no path)",
			"the key belongs to another user, was deleted, or has expired",
			"this machine's clock is more than zitadel.assertion.clock-skew ahead of ZITADEL's, or behind it",
			"an application key was used instead of a service user key");

	private static String describe(OAuth2Error error) {
		return "error '" + error.getErrorCode() + "'"
				+ ((error.getDescription() != null) ? " (" + error.getDescription() + ")" : "");
	}

	private static String claims(Jwt assertion) {
		return "kid=" + assertion.getHeaders().get("kid") + ", iss=" + assertion.getClaimAsString("iss") + ", sub="
				+ assertion.getSubject() + ", aud=" + assertion.getAudience() + ", iat="
				+ assertion.getIssuedAt() + ", exp=" + assertion.getExpiresAt();
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	/**
	 * The same failure, saying how many attempts were made.
	 * @param attempts the attempts made
	 * @param elapsed the time they took
	 * @return the failure to report
	 */
	ZitadelTokenException afterAttempts(int attempts, Duration elapsed) {
		return new ZitadelTokenException(getError(),
				getMessage() + " Gave up after " + attempts + " attempts in " + elapsed.toMillis() + " ms.",
				this.endpointFailure, (getCause() != null) ? getCause() : this);
	}

	/**
	 * The same failure as an exception object of its own, for one of the callers that waited
	 * for the acquisition: what that caller's stack adds to it (suppressed exceptions,
	 * Reactor's checkpoints) stays with that caller and never reaches the remembered failure
	 * or the other callers.
	 * @return a new exception with this one's error, message, answer and cause
	 */
	ZitadelTokenException forAnotherCaller() {
		String message = getMessage();
		Throwable cause = getCause();
		return new ZitadelTokenException(getError(), (message != null) ? message : "", this.endpointFailure,
				(cause != null) ? cause : this);
	}

	/**
	 * Whether ZITADEL, or whatever answers in its place, refused the request rather than
	 * failed to answer it: a rejected assertion, or any answer below 500 other than 429 (a
	 * 4xx, a redirect, a page that is not a token, a token that is not a Bearer token).
	 * Asking again at once will not help.
	 * @return whether it is a refusal
	 */
	public boolean isRefusal() {
		TokenEndpointException answer = this.endpointFailure;
		return answer != null && (answer.isProbablyRejectedAssertion()
				|| (answer.getStatusCode() < 500 && answer.getStatusCode() != 429));
	}

	/** What the token endpoint answered, or {@code null} when it did not answer at all. */
	public @Nullable TokenEndpointException getEndpointFailure() {
		return this.endpointFailure;
	}

}
