package io.github.zitadelstarter.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * The shared list and filter messages of ZITADEL's v2 APIs ({@code zitadel.filter.v2}) as the
 * local services read and answer them: {@code PaginationRequest}, {@code PaginationResponse},
 * {@code IDFilter}, {@code InIDsFilter} and text filters with a {@code TextFilterMethod}.
 */
final class LocalFilters {

	/** ZITADEL's page size when a request names none. */
	static final int DEFAULT_LIMIT = 100;

	/** ZITADEL's largest page ({@code MaxQueryLimit}); a larger limit is refused. */
	static final int MAX_LIMIT = 1000;


	private LocalFilters() {
	}

	/**
	 * A list request's {@code pagination}.
	 *
	 * @param offset the results before the page
	 * @param limit the page size
	 * @param asc whether sorted ascending; ZITADEL sorts descending by default
	 */
	record Page(long offset, int limit, boolean asc) {

		/** One page of the sorted results, with the {@code pagination} of the answer. */
		<T> List<T> of(List<T> sorted) {
			List<T> ordered = new ArrayList<>(sorted);
			if (!this.asc) {
				Collections.reverse(ordered);
			}
			int from = (int) Math.min(this.offset, ordered.size());
			return ordered.subList(from, Math.min(ordered.size(), from + this.limit));
		}

		/** The answer's {@code PaginationResponse}; 64-bit integers as strings. */
		Map<String, Object> response(int totalResult) {
			Map<String, Object> pagination = new LinkedHashMap<>();
			pagination.put("totalResult", Long.toString(totalResult));
			pagination.put("appliedLimit", Long.toString(this.limit));
			return pagination;
		}

	}

	/**
	 * Reads a list request's {@code pagination}, refusing a limit above ZITADEL's maximum.
	 * @param request the list request
	 * @return the page
	 */
	static Page page(Map<String, Object> request) {
		Map<String, Object> pagination = LocalJson.object(request, "pagination");
		if (pagination == null) {
			return new Page(0, DEFAULT_LIMIT, false);
		}
		long offset = integer(pagination, "offset");
		long limit = integer(pagination, "limit");
		if (offset < 0 || limit < 0 || limit > 0xFFFF_FFFFL) {
			throw ConnectError.invalidArgument("invalid pagination: offset and limit must be unsigned");
		}
		if (limit > MAX_LIMIT) {
			throw ConnectError.invalidArgument("Limit exceeds default limit (QUERY-4M9fs)");
		}
		Object asc = pagination.get("asc");
		if (asc != null && !(asc instanceof Boolean)) {
			throw ConnectError.invalidArgument("invalid pagination.asc: not a bool");
		}
		return new Page(offset, (limit == 0) ? DEFAULT_LIMIT : (int) limit, Boolean.TRUE.equals(asc));
	}

	/**
	 * Sorts in an order and then by creation, so that pages neither overlap nor leave gaps.
	 * @param items the items
	 * @param order the order of the sorting column
	 * @param sequence the creation order
	 * @return the sorted items, ascending
	 */
	static <T> List<T> sorted(Collection<T> items, Comparator<T> order, ToLongFunction<T> sequence) {
		List<T> sorted = new ArrayList<>(items);
		sorted.sort(order.thenComparingLong(sequence));
		return sorted;
	}

	/**
	 * An enum field, by the value's name as proto3 JSON writes it.
	 * @param message the message
	 * @param field the field's json name
	 * @return the value's name, {@code null} if absent; the request's check against the
	 * descriptors made sure it is one of the enum's
	 */
	static @Nullable String enumValue(Map<String, Object> message, String field) {
		return LocalJson.string(message, field);
	}

	/**
	 * A bool field.
	 * @param message the message
	 * @param field the field's json name
	 * @return the value, {@code null} if absent
	 */
	static @Nullable Boolean bool(Map<String, Object> message, String field) {
		Object value = message.get(field);
		if (value != null && !(value instanceof Boolean)) {
			throw ConnectError.invalidArgument("invalid " + field + ": not a bool, was " + value);
		}
		return (Boolean) value;
	}

	/**
	 * A required string field of 1 to 200 characters, as ZITADEL's validation rules for ids,
	 * names and keys say.
	 * @param message the message
	 * @param field the field's json name
	 * @return the value
	 */
	static String requireText(Map<String, Object> message, String field) {
		Object value = message.get(field);
		if (!(value instanceof String text) || text.isEmpty()) {
			throw ConnectError.invalidArgument("invalid " + field + ": value length must be at least 1 runes");
		}
		if (text.length() > 200) {
			throw ConnectError.invalidArgument("invalid " + field + ": value length must be at most 200 runes");
		}
		return text;
	}

	/**
	 * Whether a value matches a text filter: the filter's text field compared as its
	 * {@code method} (a {@code zitadel.filter.v2.TextFilterMethod}) says.
	 * @param filter the filter message
	 * @param messageName the filter message's proto name, for errors
	 * @param textField the json name of the text field
	 * @param value the value to test, {@code null} matching nothing
	 * @return whether it matches
	 */
	static boolean matchesText(Map<String, Object> filter, String messageName, String textField,
			@Nullable String value) {
		String text = LocalJson.string(filter, textField);
		String method = LocalJson.string(filter, "method");
		if (method == null) {
			method = "TEXT_FILTER_METHOD_EQUALS";
		}
		return LocalJson.matches(value, (text != null) ? text : "", method);
	}

	/**
	 * The id of a {@code zitadel.filter.v2.IDFilter}.
	 * @param filter the filter message
	 * @return the id, empty if absent
	 */
	static String id(Map<String, Object> filter) {
		String id = LocalJson.string(filter, "id");
		return (id != null) ? id : "";
	}

	/**
	 * The ids of a {@code zitadel.filter.v2.InIDsFilter}.
	 * @param filter the filter message
	 * @return the ids
	 */
	static List<String> ids(Map<String, Object> filter) {
		return LocalJson.strings(filter, "ids");
	}

	/**
	 * The one field set in a {@code oneof} message, refusing none or several as ZITADEL's
	 * validation ({@code validate.required}) does.
	 * @param message the message
	 * @param messageName the proto message's name
	 * @return the name of the alternative that is set; the request's check against the
	 * descriptors made sure it is one of the {@code oneof}'s
	 */
	static String oneof(Map<String, Object> message, String messageName) {
		if (message.size() != 1) {
			throw ConnectError.invalidArgument("invalid " + messageName + ".filter: value is required and exactly one"
					+ " field must be set, was " + message.keySet());
		}
		String field = message.keySet().iterator().next();
		if (LocalJson.object(message, field) == null) {
			throw ConnectError.invalidArgument("invalid " + messageName + "." + field + ": not a message");
		}
		return field;
	}

	/** A 64- or 32-bit integer field, a JSON number or (as proto3 JSON writes 64-bit ones) a string. */
	private static long integer(Map<String, Object> message, String field) {
		Object value = message.get(field);
		if (value == null) {
			return 0;
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof String text) {
			try {
				return Long.parseLong(text);
			}
			catch (NumberFormatException ex) {
				// refused below
			}
		}
		throw ConnectError.invalidArgument("invalid pagination." + field + ": not an integer, was " + value);
	}

}
