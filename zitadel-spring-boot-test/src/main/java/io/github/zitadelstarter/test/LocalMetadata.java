package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.github.zitadelstarter.test.LocalJson.enumValue;
import static io.github.zitadelstarter.test.LocalJson.message;
import static io.github.zitadelstarter.test.LocalJson.object;
import static io.github.zitadelstarter.test.LocalJson.objects;
import static io.github.zitadelstarter.test.LocalJson.require;
import static io.github.zitadelstarter.test.LocalJson.string;

/**
 * The metadata of a user or an organization as ZITADEL sets, lists and deletes it: values are
 * bytes (base64 in JSON), an empty value deletes its key, a list answers
 * {@code zitadel.metadata.v2.Metadata} entries.
 */
final class LocalMetadata {

	private final String entryMessage;

	/**
	 * Metadata whose entries to set are the given message.
	 * @param entryMessage {@code zitadel.user.v2.Metadata} or {@code zitadel.org.v2.Metadata}
	 */
	LocalMetadata(String entryMessage) {
		this.entryMessage = entryMessage;
	}

	/** Sets the entries of a set request; an empty value deletes its key. */
	void set(Map<String, LocalUser.Entry> metadata, List<Map<String, Object>> entries, Instant now) {
		for (Map<String, Object> entry : entries) {
			String key = require(entry, this.entryMessage, "key");
			byte[] value = LocalJson.bytes(entry, "value");
			if (value == null || value.length == 0) {
				metadata.remove(key);
				continue;
			}
			LocalUser.Entry existing = metadata.get(key);
			metadata.put(key, new LocalUser.Entry(value, (existing != null) ? existing.creationDate() : now, now));
		}
	}

	/** Deletes entries by key; {@code not_found} if one of the keys has none. */
	void delete(Map<String, LocalUser.Entry> metadata, List<String> keys) {
		for (String key : keys) {
			if (!metadata.containsKey(key)) {
				throw ConnectError.notFound("Metadata not found (META-ixoP0)");
			}
		}
		keys.forEach(metadata::remove);
	}

	/** Answers a list request: its pagination, its {@code filters}, in key order. */
	Map<String, Object> list(Map<String, LocalUser.Entry> metadata, Map<String, Object> request) {
		LocalJson.Page page = LocalJson.Page.of(object(request, "pagination"), "zitadel.filter.v2.PaginationRequest");
		Predicate<String> matches = (key) -> true;
		for (Map<String, Object> filter : objects(request, "filters")) {
			Map<String, Object> keyFilter = object(filter, "keyFilter");
			if (keyFilter == null) {
				throw ConnectError.invalidArgument("invalid MetadataSearchFilter.Filter: value is required");
			}
			matches = matches.and(keyFilter(keyFilter));
		}
		Predicate<String> filter = matches;
		List<Map.Entry<String, LocalUser.Entry>> found = metadata.entrySet()
			.stream()
			.filter((entry) -> filter.test(entry.getKey()))
			.toList();
		// In key order whatever the order asked: predictable pages are all a test needs here.
		List<Object> result = new LocalJson.Page(page.offset(), page.limit(), true)
			.render(found, Map.Entry.comparingByKey(),
					(entry) -> message("creationDate", entry.getValue().creationDate(), "changeDate",
							entry.getValue().changeDate(), "key", entry.getKey(), "value",
							LocalJson.base64(entry.getValue().value())));
		return message("pagination", page.paginationResponse(found.size()), "metadata", result);
	}

	/** A {@code zitadel.metadata.v2.MetadataKeyFilter}. */
	static Predicate<String> keyFilter(Map<String, Object> filter) {
		String key = string(filter, "key", "");
		String method = enumValue(filter, "method");
		return (actual) -> LocalJson.matches(actual, key, method);
	}

	/** A {@code zitadel.metadata.v2.MetadataValueFilter}. */
	static Predicate<byte[]> valueFilter(Map<String, Object> filter) {
		byte[] value = LocalJson.bytes(filter, "value");
		byte[] expected = (value != null) ? value : new byte[0];
		boolean equals = enumValue(filter, "method") == null;
		return (actual) -> Arrays.equals(actual, expected) == equals;
	}

}
