package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An API call that {@link LocalZitadel} received, with what it answered.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the raw query, empty if there was none
 * @param headers the request headers, names in lower case
 * @param body the request body as text, empty if there was none
 * @param status the HTTP status of the answer
 * @param responseBody the body of the answer as text, empty if there was none
 * @param receivedAt when it arrived, by the local ZITADEL's clock
 */
public record ApiCall(String method, String path, String query, Map<String, List<String>> headers, String body,
		int status, String responseBody, Instant receivedAt) {

	public ApiCall {
		headers = Map.copyOf(headers);
	}

	/**
	 * The first value of a request header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the header was absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * The organization the call acted in, from {@code x-zitadel-orgid}.
	 * @return the organization id, or {@code null} if the call named none
	 */
	public @Nullable String organizationId() {
		return header("x-zitadel-orgid");
	}

	/** Leaves out the headers, which hold the access token. */
	@Override
	public String toString() {
		return "ApiCall[" + this.method + " " + this.path + ((this.query.isEmpty()) ? "" : "?" + this.query) + " -> "
				+ this.status + "]";
	}

}
