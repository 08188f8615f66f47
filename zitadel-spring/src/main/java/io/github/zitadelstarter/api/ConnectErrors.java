package io.github.zitadelstarter.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

import io.github.zitadelstarter.observation.ZitadelApiCallObservationConvention;
import io.github.zitadelstarter.internal.RetryAfter;

/**
 * Turns an error answer of a v2 RPC into a {@link ZitadelApiException}: a Connect error body
 * ({@code {"code":"not_found","message":"..."}}) by its code, anything else (a proxy's error
 * page, an empty answer) by its HTTP status as the Connect protocol maps it. Only the first
 * {@value #MAX_BODY_BYTES} bytes of an error answer are read, however much a proxy sends.
 */
final class ConnectErrors {

	/** The most of an error answer that is read: far more than any Connect error. */
	static final int MAX_BODY_BYTES = 64 * 1024;

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

	/**
	 * Turns an error answer into an exception.
	 * @param request the request, whose access token the message must not repeat
	 * @param status the answer's HTTP status
	 * @param headers the answer's headers
	 * @param body the answer's body, or its first {@value #MAX_BODY_BYTES} bytes
	 * @return the exception
	 */
	ZitadelApiException exception(HttpRequest request, int status, HttpHeaders headers, byte[] body) {
		URI uri = request.getURI();
		String rpc = ZitadelApiCallObservationConvention.rpcOf((uri.getRawPath() != null) ? uri.getRawPath() : "");
		Duration retryAfter = RetryAfter.of(headers, this.clock.instant());
		String token = sentToken(request.getHeaders());
		ConnectErrorBody error = parse(body);
		ZitadelErrorCode code = (error != null) ? ZitadelErrorCode.fromConnectName(error.code()) : null;
		if (error == null || code == null) {
			String message = "HTTP " + status + " without a Connect error" + describe(body, token);
			return new ZitadelApiException(rpc, status, ZitadelErrorCode.fromHttpStatus(status), message,
					this.permissions.permission(rpc), retryAfter);
		}
		String message = (error.message() != null) ? error.message() : "";
		if (token != null && message.contains(token)) {
			message = message.replace(token, "[access token]");
		}
		return new ZitadelApiException(rpc, status, code, message, this.permissions.permission(rpc), retryAfter);
	}

	/** The start of a body that is not a Connect error, for a person to recognise it. */
	private static String describe(byte[] body, @Nullable String token) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.isEmpty()) {
			return "";
		}
		// Something in between (a proxy's debug page) may echo the request's headers.
		if (token != null && text.contains(token)) {
			return " (body not shown: it holds the access token)";
		}
		return " (" + ((text.length() > BODY_PREFIX) ? text.substring(0, BODY_PREFIX) + "..." : text) + ")";
	}

	private static @Nullable String sentToken(HttpHeaders requestHeaders) {
		String authorization = requestHeaders.getFirst(HttpHeaders.AUTHORIZATION);
		return (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				&& authorization.length() > 7) ? authorization.substring(7).strip() : null;
	}

	/**
	 * Reads the start of a blocking client's error answer.
	 * @param response the answer
	 * @return the first {@value #MAX_BODY_BYTES} bytes of its body, or none if it cannot be
	 * read
	 */
	static byte[] read(ClientHttpResponse response) {
		try {
			InputStream body = response.getBody();
			byte[] start = body.readNBytes(MAX_BODY_BYTES);
			if (start.length == MAX_BODY_BYTES) {
				// More may follow (a proxy's page of megabytes): closing the stream now spares
				// reading the rest, which closing the response would do to keep the connection.
				// Apache HttpClient reads it even so, and discards it.
				body.close();
			}
			return start;
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

	/**
	 * Reads the start of a reactive client's error answer.
	 * @param body the answer's body
	 * @return its first {@value #MAX_BODY_BYTES} bytes; the rest is not asked for
	 */
	static Mono<byte[]> read(Flux<DataBuffer> body) {
		return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(body, MAX_BODY_BYTES)).map((buffer) -> {
			byte[] start = new byte[buffer.readableByteCount()];
			buffer.read(start);
			DataBufferUtils.release(buffer);
			return start;
		}).defaultIfEmpty(new byte[0]);
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
