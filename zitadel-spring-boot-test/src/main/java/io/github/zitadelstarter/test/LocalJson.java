package io.github.zitadelstarter.test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reading a v2 request message and writing a response message in proto3's JSON, as the local
 * user and organization services need it: what proto3 JSON allows is read (64-bit integers as
 * strings or numbers, base64 with or without padding, RFC 3339 with an offset), what is
 * written is what ZITADEL writes (fields with proto's default value left out).
 */
final class LocalJson {

	/** ZITADEL's page size when a list request names none. */
	static final int DEFAULT_LIMIT = 100;

	/** ZITADEL's largest page; a larger limit is refused. */
	static final int MAX_LIMIT = 1000;

	private LocalJson() {
	}

	/**
	 * A message: the given names and values, leaving out {@code null}s, {@code false}, zeros,
	 * empty strings and lists, as proto3 JSON leaves out fields with their default value. A
	 * {@code Long} is written as a string (int64), an {@code Instant} in RFC 3339.
	 */
	static Map<String, Object> message(@Nullable Object... namesAndValues) {
		Map<String, Object> message = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value == null || Boolean.FALSE.equals(value) || "".equals(value)
					|| (value instanceof Number number && number.longValue() == 0)
					|| (value instanceof List<?> list && list.isEmpty())) {
				continue;
			}
			if (value instanceof Instant instant) {
				value = timestamp(instant);
			}
			else if (value instanceof Long number) {
				value = Long.toString(number);
			}
			message.put((String) namesAndValues[i], value);
		}
		return message;
	}

	/** A timestamp as proto3 JSON writes it (RFC 3339, UTC). */
	static String timestamp(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	static String base64(byte[] value) {
		return Base64.getEncoder().encodeToString(value);
	}

	static String require(Map<String, Object> message, String messageName, String field) {
		Object value = message.get(field);
		if (!(value instanceof String text) || text.isEmpty()) {
			throw ConnectError.invalidArgument("invalid " + messageName + "." + upper(field)
					+ ": value length must be at least 1 runes");
		}
		return text;
	}

	static @Nullable String string(Map<String, Object> message, String field) {
		Object value = message.get(field);
		if (value != null && !(value instanceof String)) {
			throw ConnectError.invalidArgument("invalid value for string field " + field + ": " + value);
		}
		return (String) value;
	}

	/** A string field, or the given default if it is absent. */
	static String string(Map<String, Object> message, String field, String absent) {
		String value = string(message, field);
		return (value != null) ? value : absent;
	}

	static boolean bool(Map<String, Object> message, String field) {
		Object value = message.get(field);
		if (value != null && !(value instanceof Boolean)) {
			throw ConnectError.invalidArgument("invalid value for bool field " + field + ": " + value);
		}
		return Boolean.TRUE.equals(value);
	}

	@SuppressWarnings("unchecked")
	static @Nullable Map<String, Object> object(Map<String, Object> message, String field) {
		Object value = message.get(field);
		if (value != null && !(value instanceof Map)) {
			throw ConnectError.invalidArgument("invalid value for message field " + field + ": " + value);
		}
		return (Map<String, Object>) value;
	}

	/** A repeated message field; empty if absent. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> objects(Map<String, Object> message, String field) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object item : list(message, field)) {
			if (!(item instanceof Map)) {
				throw ConnectError.invalidArgument("invalid value for message field " + field + ": " + item);
			}
			objects.add((Map<String, Object>) item);
		}
		return objects;
	}

	/** A repeated string field; empty if absent. */
	static List<String> strings(Map<String, Object> message, String field) {
		List<String> strings = new ArrayList<>();
		for (Object item : list(message, field)) {
			if (!(item instanceof String text)) {
				throw ConnectError.invalidArgument("invalid value for string field " + field + ": " + item);
			}
			strings.add(text);
		}
		return strings;
	}

	private static List<?> list(Map<String, Object> message, String field) {
		Object value = message.get(field);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw ConnectError.invalidArgument("invalid value for repeated field " + field + ": " + value);
		}
		return list;
	}

	/** A 64-bit integer: proto3 JSON writes it as a string, and reads a number as well. */
	static long int64(Map<String, Object> message, String field) {
		Object value = message.get(field);
		try {
			if (value == null) {
				return 0;
			}
			if (value instanceof Number number) {
				return number.longValue();
			}
			return Long.parseLong((String) value);
		}
		catch (ClassCastException | NumberFormatException ex) {
			throw ConnectError.invalidArgument("invalid value for int64 field " + field + ": " + value);
		}
	}

	static int int32(Map<String, Object> message, String field) {
		long value = int64(message, field);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw ConnectError.invalidArgument("invalid value for int32 field " + field + ": " + value);
		}
		return (int) value;
	}

	/** A {@code bytes} field in base64, standard or URL-safe, padded or not. */
	static byte @Nullable [] bytes(Map<String, Object> message, String field) {
		String value = string(message, field);
		if (value == null) {
			return null;
		}
		try {
			return (value.indexOf('-') >= 0 || value.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(value)
					: Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw ConnectError.invalidArgument("invalid value for bytes field " + field + ": " + ex.getMessage());
		}
	}

	/** A {@code google.protobuf.Timestamp} in RFC 3339. */
	static @Nullable Instant instant(Map<String, Object> message, String field) {
		String value = string(message, field);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ConnectError.invalidArgument("invalid value for Timestamp field " + field + ": " + value);
		}
	}

	/**
	 * An enum field, by name; {@code null} if absent or proto's default. The request's check
	 * against the descriptors made sure it is one of the enum's values.
	 */
	static @Nullable String enumValue(Map<String, Object> message, String field) {
		String value = string(message, field);
		return (value == null || ProtoContract.isDefaultEnumValue(value)) ? null : value;
	}

	/**
	 * Whether a text matches a text query or filter of the given method, such as
	 * {@code TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE} or {@code TEXT_FILTER_METHOD_EQUALS};
	 * absent means equals.
	 */
	static boolean matches(@Nullable String actual, String expected, @Nullable String method) {
		if (actual == null) {
			return false;
		}
		String how = (method != null) ? method.replaceFirst("^TEXT_(QUERY|FILTER)_METHOD_", "") : "EQUALS";
		boolean ignoreCase = how.endsWith("_IGNORE_CASE");
		String a = ignoreCase ? actual.toLowerCase(Locale.ROOT) : actual;
		String e = ignoreCase ? expected.toLowerCase(Locale.ROOT) : expected;
		return switch (how.replace("_IGNORE_CASE", "")) {
			case "EQUALS" -> a.equals(e);
			case "STARTS_WITH" -> a.startsWith(e);
			case "CONTAINS" -> a.contains(e);
			case "ENDS_WITH" -> a.endsWith(e);
			default -> throw ConnectError.invalidArgument("invalid text method " + method);
		};
	}

	/**
	 * A page of a list: its offset, its limit (ZITADEL's default if absent, a larger one than
	 * ZITADEL's maximum refused) and its order.
	 *
	 * @param offset the results before the page
	 * @param limit the page size
	 * @param asc whether sorted ascending
	 */
	record Page(long offset, int limit, boolean asc) {

		/**
		 * Reads {@code zitadel.object.v2.ListQuery} or {@code zitadel.filter.v2.PaginationRequest}.
		 * @param pagination the message, {@code null} if the request had none
		 * @param messageName the message's name, for errors
		 * @return the page
		 */
		static Page of(@Nullable Map<String, Object> pagination, String messageName) {
			if (pagination == null) {
				return new Page(0, DEFAULT_LIMIT, false);
			}
			long offset = int64(pagination, "offset");
			int limit = int32(pagination, "limit");
			if (offset < 0 || limit < 0) {
				throw ConnectError.invalidArgument("invalid " + messageName + ": offset and limit must not be negative");
			}
			if (limit > MAX_LIMIT) {
				throw ConnectError.invalidArgument("Limit exceeds the maximum of " + MAX_LIMIT + " (QUERY-4M0fs)");
			}
			return new Page(offset, (limit == 0) ? DEFAULT_LIMIT : limit, bool(pagination, "asc"));
		}

		/**
		 * This page of the results, sorted by the given key if any (descending unless
		 * {@code asc}), else in the order given.
		 */
		<T> List<T> of(List<T> results, @Nullable Comparator<T> sorting) {
			List<T> sorted = new ArrayList<>(results);
			if (sorting != null) {
				sorted.sort(this.asc ? sorting : sorting.reversed());
			}
			int from = (int) Math.min(this.offset, sorted.size());
			return sorted.subList(from, Math.min(sorted.size(), from + this.limit));
		}

		/** This page of the results, rendered. */
		<T> List<Object> render(List<T> results, @Nullable Comparator<T> sorting,
				Function<T, Map<String, Object>> renderer) {
			return of(results, sorting).stream().map((result) -> (Object) renderer.apply(result)).toList();
		}

		/** The answer's {@code zitadel.filter.v2.PaginationResponse}. */
		Map<String, Object> paginationResponse(int totalResult) {
			return message("totalResult", (long) totalResult, "appliedLimit", (long) this.limit);
		}

	}

	private static String upper(String field) {
		return Character.toUpperCase(field.charAt(0)) + field.substring(1);
	}

}
