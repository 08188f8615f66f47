package io.github.zitadelstarter.api.metadata;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * A criterion for listing metadata ({@code zitadel.metadata.v2.MetadataSearchFilter}).
 *
 * @param keyFilter entries whose key matches
 */
final class MetadataSearchFilter {


	/**
	 * Entries whose key equals the given one.
	 * @param key the key
	 * @return the filter
	 */
	public static MetadataSearchFilter key(String key) {
		return new MetadataSearchFilter(new MetadataKeyFilter(key, TextFilterMethod.TEXT_FILTER_METHOD_EQUALS));
	}

	/**
	 * Entries whose key matches the given one the given way.
	 * @param key the key
	 * @param method how the key is compared
	 * @return the filter
	 */
	public static MetadataSearchFilter key(String key, TextFilterMethod method) {
		return new MetadataSearchFilter(new MetadataKeyFilter(key, method));
	}

}
