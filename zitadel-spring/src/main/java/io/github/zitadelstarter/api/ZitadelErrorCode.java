package io.github.zitadelstarter.api;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The code of a ZITADEL API error: the Connect protocol's error codes, which are gRPC's.
 */
public enum ZitadelErrorCode {

	/** The call was cancelled, typically by the caller. */
	CANCELED,

	/** An error without a more specific code. */
	UNKNOWN,

	/** The request is invalid, whatever the state: a missing or malformed field. */
	INVALID_ARGUMENT,

	/** The call did not complete in time. */
	DEADLINE_EXCEEDED,

	/** What the call names does not exist (or the caller may not see it). */
	NOT_FOUND,

	/** What the call would create exists already. */
	ALREADY_EXISTS,

	/** The caller lacks the permission the call needs. */
	PERMISSION_DENIED,

	/** A quota or rate limit is exhausted. */
	RESOURCE_EXHAUSTED,

	/** The request is valid but the state does not allow it, e.g. deactivating a locked user. */
	FAILED_PRECONDITION,

	/** A concurrent change got in the way; retrying the whole operation may succeed. */
	ABORTED,

	/** A value lies outside the valid range, such as an offset past the end. */
	OUT_OF_RANGE,

	/** ZITADEL does not offer the call, e.g. a version that predates it. */
	UNIMPLEMENTED,

	/** ZITADEL failed. */
	INTERNAL,

	/** ZITADEL cannot be reached now; retrying later may succeed. */
	UNAVAILABLE,

	/** Data was lost or corrupted. */
	DATA_LOSS,

	/** The call carried no valid credentials. */
	UNAUTHENTICATED;

	/**
	 * The code as the Connect protocol spells it, such as {@code not_found}.
	 * @return the Connect name
	 */
	public String connectName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The code a Connect error body names.
	 * @param connectName the {@code code} of the body, such as {@code not_found}
	 * @return the code, or {@code null} if the name is not a Connect code
	 */
	public static @Nullable ZitadelErrorCode fromConnectName(@Nullable String connectName) {
		if (connectName == null) {
			return null;
		}
		for (ZitadelErrorCode code : values()) {
			if (code.connectName().equals(connectName)) {
				return code;
			}
		}
		return null;
	}

	/**
	 * The code of an error answer that carries no Connect error body, such as a proxy's
	 * error page, as the Connect protocol derives it from the HTTP status.
	 * @param status the HTTP status
	 * @return the code
	 */
	public static ZitadelErrorCode fromHttpStatus(int status) {
		return switch (status) {
			case 400 -> INTERNAL;
			case 401 -> UNAUTHENTICATED;
			case 403 -> PERMISSION_DENIED;
			case 404 -> UNIMPLEMENTED;
			case 429, 502, 503, 504 -> UNAVAILABLE;
			default -> UNKNOWN;
		};
	}

}
