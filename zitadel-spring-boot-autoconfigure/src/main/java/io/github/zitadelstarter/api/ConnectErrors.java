package io.github.zitadelstarter.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;

import io.github.zitadelstarter.observation.ZitadelApiCallObservationConvention;
import io.github.zitadelstarter.token.RetryAfter;

/**
 * Turns an error answer of a v2 RPC into a {@link ZitadelApiException}: a Connect error body
 * ({@code {"code":"not_found","message":"..."}}) by its code, anything else (a proxy's error
 * page, an empty answer) by its HTTP status as the Connect protocol maps it.
 */
final class ConnectErrors {

	// The start of a body that is not a Connect error, for the message; never more.
	private static final int BODY_PREFIX = 200;

	private final ZitadelPermissions permissions = new ZitadelPermissions();

	private final Clock clock = Clock.systemUTC();

	/**
	 * Learns what the RPCs of a typed client interface need, for the errors' messages.
	 * @param type the interface
	 */
	void learn(Class<?> type) {
		this.permissions.learn(type);
	}

	ZitadelApiException exception(URI uri, int status, HttpHeaders headers, byte[] body) {
		String rpc = ZitadelApiCallObservationConvention.rpcOf((uri.getRawPath() != null) ? uri.getRawPath() : "");
		Duration retryAfter = RetryAfter.of(headers, this.clock.instant());
		ConnectErrorBody error = parse(body);
		ZitadelErrorCode code = (error != null) ? ZitadelErrorCode.fromConnectName(error.code()) : null;
		if (error == null || code == null) {
			String text = new String(body, 0, Math.min(body.length, BODY_PREFIX), StandardCharsets.UTF_8).strip();
			String message = "HTTP " + status + " without a Connect error"
					+ (text.isEmpty() ? "" : " (" + text + ((body.length > BODY_PREFIX) ? "..." : "") + ")");
			return new ZitadelApiException(rpc, status, ZitadelErrorCode.fromHttpStatus(status), message,
					this.permissions.permission(rpc), retryAfter);
		}
		String message = (error.message() != null) ? error.message() : "";
		return new ZitadelApiException(rpc, status, code, message, this.permissions.permission(rpc), retryAfter);
	}

	private static @Nullable ConnectErrorBody parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return ZitadelApiJson.mapper().readValue(body, ConnectErrorBody.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The fields of a Connect error this client uses; {@code details} are left alone. */
	record ConnectErrorBody(@Nullable String code, @Nullable String message) {
	}

}
