package io.github.zitadelstarter.token;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zitadelstarter.internal.RetryAfter;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The token endpoint answered with an HTTP error; keeps the status and {@code Retry-After}
 * that Spring Security's own error parsing drops, so that retries can be decided on them.
 */
public class TokenEndpointException extends OAuth2AuthorizationException {

	private final int statusCode;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates the exception.
	 * @param statusCode the HTTP status of the answer
	 * @param error the OAuth2 error it carried, or one that describes it
	 * @param retryAfter how long the server asked the client to wait, if it did
	 */
	public TokenEndpointException(int statusCode, OAuth2Error error, @Nullable Duration retryAfter) {
		super(error, "HTTP " + statusCode + " " + error);
		this.statusCode = statusCode;
		this.retryAfter = retryAfter;
	}

	/**
	 * Reads an error answer of the token endpoint.
	 * @param statusCode the HTTP status
	 * @param retryAfterHeader the {@code Retry-After} header, if any
	 * @param body the response body, an OAuth2 error object or anything else
	 * @param now the current instant, to turn an HTTP-date {@code Retry-After} into a delay
	 * @param whatCameBack a description of the body for when it is not an OAuth2 error object
	 * @return the exception
	 */
	static TokenEndpointException of(int statusCode, @Nullable String retryAfterHeader, String body, Instant now,
			String whatCameBack) {
		String error = (statusCode >= 500 || statusCode == 429) ? OAuth2ErrorCodes.SERVER_ERROR
				: OAuth2ErrorCodes.INVALID_REQUEST;
		String description = "HTTP " + statusCode + " without an OAuth2 error body (" + whatCameBack + ")";
		try {
			Map<String, Object> json = JSONObjectUtils.parse(body);
			if (json.get("error") != null) {
				error = json.get("error").toString();
				description = (json.get("error_description") != null) ? json.get("error_description").toString()
						: null;
			}
		}
		catch (ParseException ex) {
			// Not an OAuth2 error object (a proxy's HTML page, say): the status says enough.
		}
		return new TokenEndpointException(statusCode, new OAuth2Error(error, description, null),
				RetryAfter.parse(retryAfterHeader, now));
	}

	public int getStatusCode() {
		return this.statusCode;
	}

	/** How long the server asked the client to wait, or {@code null}. */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether this is how ZITADEL answers a rejected assertion: {@code 500 server_error
	 * Errors.Internal}, indistinguishable from an outage.
	 * @return whether the assertion was probably rejected
	 */
	public boolean isProbablyRejectedAssertion() {
		return this.statusCode == 500 && "Errors.Internal".equals(getError().getDescription());
	}

}
