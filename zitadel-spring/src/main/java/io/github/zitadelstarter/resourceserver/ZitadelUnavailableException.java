package io.github.zitadelstarter.resourceserver;

import java.io.Serial;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * ZITADEL could not say whether a token is valid: its introspection could not be reached,
 * failed, or did not answer in time. Not a bad token: Spring Security passes an
 * {@link AuthenticationServiceException} on instead of answering {@code 401 invalid_token},
 * and this one is answered {@code 503 Service Unavailable} (by Spring Boot's error handling
 * through {@link ResponseStatus}, or by {@link ZitadelBearerTokenFailureHandler}). Its
 * message never contains the token.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class ZitadelUnavailableException extends AuthenticationServiceException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param retryAfter when a client may try again
	 * @param cause the failure, if any
	 */
	public ZitadelUnavailableException(String message, Duration retryAfter, @Nullable Throwable cause) {
		super(message);
		if (cause != null) {
			initCause(cause);
		}
		this.retryAfter = retryAfter;
	}

	/** When a client may try again, for a {@code Retry-After} header. */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
