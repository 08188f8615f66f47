package io.github.zitadelstarter.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * An error as a Connect handler of ZITADEL answers it: {@code {"code":"not_found","message":"..."}}
 * with the HTTP status the Connect protocol gives the code. A local service's handler throws
 * it to answer with an error.
 */
final class ConnectError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The Connect protocol's error codes (connectrpc.com/docs/protocol, "Error Codes"). */
	static final List<String> CODES = List.of("canceled", "unknown", "invalid_argument", "deadline_exceeded",
			"not_found", "already_exists", "permission_denied", "resource_exhausted", "failed_precondition", "aborted",
			"out_of_range", "unimplemented", "internal", "unavailable", "data_loss", "unauthenticated");

	private final String code;

	ConnectError(String code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	static ConnectError invalidArgument(String message) {
		return new ConnectError("invalid_argument", message);
	}

	static ConnectError notFound(String message) {
		return new ConnectError("not_found", message);
	}

	static ConnectError alreadyExists(String message) {
		return new ConnectError("already_exists", message);
	}

	static ConnectError failedPrecondition(String message) {
		return new ConnectError("failed_precondition", message);
	}

	static ConnectError permissionDenied(String message) {
		return new ConnectError("permission_denied", message);
	}

	static ConnectError unauthenticated(String message) {
		return new ConnectError("unauthenticated", message);
	}

	String code() {
		return this.code;
	}

	/** The HTTP status of a Connect error code (connectrpc.com/docs/protocol, "Error Codes"). */
	int status() {
		return switch (this.code) {
			case "invalid_argument", "failed_precondition", "out_of_range" -> 400;
			case "unauthenticated" -> 401;
			case "permission_denied" -> 403;
			case "not_found" -> 404;
			case "already_exists", "aborted" -> 409;
			case "resource_exhausted" -> 429;
			case "canceled" -> 499;
			case "unimplemented" -> 501;
			case "unavailable" -> 503;
			case "deadline_exceeded" -> 504;
			default -> 500;
		};
	}

	Answer answer() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", this.code);
		body.put("message", getMessage());
		return Answer.json(status(), JSONObjectUtils.toJSONString(body));
	}

}
