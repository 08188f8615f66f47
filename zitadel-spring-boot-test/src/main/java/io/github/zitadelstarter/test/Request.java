package io.github.zitadelstarter.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as the local ZITADEL read it off the wire.
 */
record Request(String method, String path, String query, Map<String, List<String>> headers, String body,
		Instant receivedAt) {

	@Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	int headerCount(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null) ? values.size() : 0;
	}

	/**
	 * The form fields of an {@code application/x-www-form-urlencoded} body; none for any
	 * other content type, as ZITADEL then finds no {@code grant_type} either.
	 */
	Map<String, String> form() {
		Map<String, String> parameters = new LinkedHashMap<>();
		String contentType = header("Content-Type");
		if (contentType == null || !"application/x-www-form-urlencoded"
			.equalsIgnoreCase(contentType.split(";", 2)[0].trim())) {
			return parameters;
		}
		for (String pair : this.body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.putIfAbsent(decode(name), decode(value));
		}
		return parameters;
	}

	static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	/** The headers without {@code Authorization}, for the records a test reads. */
	Map<String, List<String>> headersWithoutCredentials() {
		Map<String, List<String>> headers = new LinkedHashMap<>(this.headers);
		headers.remove("authorization");
		return headers;
	}

}
