package io.github.zitadelstarter.api;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A ZITADEL API call that ZITADEL refused or failed: a Connect error, with its code, ZITADEL's
 * message and the RPC that failed. A program acts on {@link #getCode()} (and, when rate
 * limited, {@link #getRetryAfter()}); the message is for people and, for a permission error,
 * names the permission the service user probably lacks.
 */
public class ZitadelApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ZitadelErrorCode code;

	private final String zitadelMessage;

	private final String rpc;

	private final int statusCode;

	private final @Nullable String requiredPermission;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates an exception.
	 * @param rpc the RPC, such as {@code zitadel.user.v2.UserService/CreateUser}
	 * @param statusCode the HTTP status of the answer
	 * @param code the error code
	 * @param zitadelMessage ZITADEL's message, such as {@code User could not be found (QUERY-Dfbg2)}
	 * @param requiredPermission the permission the RPC needs, if known
	 */
	public ZitadelApiException(String rpc, int statusCode, ZitadelErrorCode code, String zitadelMessage,
			@Nullable String requiredPermission) {
		this(rpc, statusCode, code, zitadelMessage, requiredPermission, null);
	}

	/**
	 * Creates an exception.
	 * @param rpc the RPC, such as {@code zitadel.user.v2.UserService/CreateUser}
	 * @param statusCode the HTTP status of the answer
	 * @param code the error code
	 * @param zitadelMessage ZITADEL's message, such as {@code User could not be found (QUERY-Dfbg2)}
	 * @param requiredPermission the permission the RPC needs, if known
	 * @param retryAfter how long the answer's {@code Retry-After} asked to wait, if it did
	 */
	public ZitadelApiException(String rpc, int statusCode, ZitadelErrorCode code, String zitadelMessage,
			@Nullable String requiredPermission, @Nullable Duration retryAfter) {
		super(message(rpc, code, zitadelMessage, requiredPermission, retryAfter));
		this.rpc = rpc;
		this.statusCode = statusCode;
		this.code = code;
		this.zitadelMessage = zitadelMessage;
		this.requiredPermission = requiredPermission;
		this.retryAfter = retryAfter;
	}

	private static String message(String rpc, ZitadelErrorCode code, String zitadelMessage,
			@Nullable String requiredPermission, @Nullable Duration retryAfter) {
		String message = rpc + " failed with " + code.connectName() + ": " + zitadelMessage;
		if (code == ZitadelErrorCode.PERMISSION_DENIED) {
			message = message + ". " + ZitadelPermissions.hint(requiredPermission);
		}
		if (retryAfter != null) {
			// Whole seconds, rounded up: an HTTP date gives a delay to the millisecond.
			long seconds = retryAfter.plusMillis(999).toSeconds();
			message = message + " (Retry-After: " + seconds + "s)";
		}
		return message;
	}

	/**
	 * The error code.
	 * @return the code
	 */
	public ZitadelErrorCode getCode() {
		return this.code;
	}

	/**
	 * ZITADEL's own message.
	 * @return the message
	 */
	public String getZitadelMessage() {
		return this.zitadelMessage;
	}

	/**
	 * The RPC that failed.
	 * @return the RPC, such as {@code zitadel.user.v2.UserService/CreateUser}
	 */
	public String getRpc() {
		return this.rpc;
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * The permission ZITADEL checks for the RPC, as its API documentation names it.
	 * @return the permission, such as {@code user.write}, or {@code null} if not known
	 */
	public @Nullable String getRequiredPermission() {
		return this.requiredPermission;
	}

	/**
	 * How long the answer asked the client to wait before trying again, as a rate limit
	 * ({@code 429}) or an unavailable service ({@code 503}) may, read from its
	 * {@code Retry-After} in seconds or as an HTTP date.
	 * @return the delay, or {@code null} if the answer had no {@code Retry-After}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
