package io.github.zitadelstarter.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads the {@code Retry-After} of an answer, as delay-seconds or as an HTTP date, for the
 * token requests and the typed API clients alike.
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * How long an answer asks the client to wait.
	 * @param headers the answer's headers
	 * @param now the current instant, to turn an HTTP date into a delay
	 * @return the delay, never negative, or {@code null} if the answer has no usable
	 * {@code Retry-After}
	 */
	public static @Nullable Duration of(HttpHeaders headers, Instant now) {
		return parse(headers.getFirst(HttpHeaders.RETRY_AFTER), now);
	}

	/**
	 * Reads a {@code Retry-After} value.
	 * @param header the value, such as {@code 7} or {@code Wed, 21 Oct 2015 07:28:00 GMT}
	 * @param now the current instant, to turn an HTTP date into a delay
	 * @return the delay, never negative, or {@code null} if there is no usable value
	 */
	public static @Nullable Duration parse(@Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration delay = Duration.between(now, at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
