package io.github.zitadelstarter.test;

import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * An HTTP answer that a test makes {@link LocalZitadel} give: to an API call of its own
 * ({@link LocalZitadel#answer(String, String, Answer)}) or instead of a token
 * ({@link LocalZitadel#failNextTokenRequests(int, Answer)}).
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}
 * @param body the body
 * @param headers further response headers
 */
public record Answer(int status, String contentType, String body, Map<String, String> headers) {

	public Answer {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("status must be an HTTP status, was " + status);
		}
		headers = Map.copyOf(headers);
	}

	/**
	 * A JSON answer.
	 * @param status the HTTP status
	 * @param json the body
	 * @return the answer
	 */
	public static Answer json(int status, String json) {
		return new Answer(status, "application/json", json, Map.of());
	}

	/**
	 * An error of ZITADEL's REST APIs: a gRPC status as grpc-gateway renders it, such as
	 * {@code apiError(404, 5, "User could not be found (QUERY-Dfbg2)")}.
	 * @param status the HTTP status
	 * @param grpcCode the gRPC code ({@code 5} not found, {@code 7} permission denied,
	 * {@code 16} unauthenticated, ...)
	 * @param message the message
	 * @return the answer
	 */
	public static Answer apiError(int status, int grpcCode, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", grpcCode);
		body.put("message", message);
		return json(status, JSONObjectUtils.toJSONString(body));
	}

	/**
	 * An error of ZITADEL's v2 services as their Connect handlers answer it, with the HTTP
	 * status the Connect protocol gives the code, such as
	 * {@code connectError("not_found", "Session not found (QUERY-Sf3rs)")}.
	 * @param code the Connect error code: {@code invalid_argument}, {@code not_found},
	 * {@code already_exists}, {@code permission_denied}, {@code failed_precondition},
	 * {@code unauthenticated}, {@code resource_exhausted}, {@code unavailable}, {@code internal},
	 * ...
	 * @param message the message
	 * @return the answer
	 */
	public static Answer connectError(String code, String message) {
		if (!ConnectError.CODES.contains(code)) {
			throw new IllegalArgumentException("code must be a Connect error code " + ConnectError.CODES + ", was '"
					+ code + "'");
		}
		return new ConnectError(code, message).answer();
	}

	/**
	 * An OAuth 2.0 error of the token endpoint (RFC 6749 section 5.2).
	 * @param status the HTTP status
	 * @param error the {@code error} code, such as {@code server_error}
	 * @param description the {@code error_description}
	 * @return the answer
	 */
	public static Answer oauthError(int status, String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		return json(status, JSONObjectUtils.toJSONString(body));
	}

	/**
	 * A plain-text or HTML answer, such as the error page of a proxy in front of ZITADEL.
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type}
	 * @param body the body
	 * @return the answer
	 */
	public static Answer of(int status, String contentType, String body) {
		return new Answer(status, contentType, body, Map.of());
	}

	/**
	 * This answer with one more header, such as {@code Retry-After}.
	 * @param name the header name
	 * @param value the header value
	 * @return a new answer
	 */
	public Answer withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new Answer(this.status, this.contentType, this.body, headers);
	}

}
