package io.github.zitadelstarter.api.metadata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import io.github.zitadelstarter.api.filter.ByteFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * Metadata whose value matches ({@code zitadel.metadata.v2.MetadataValueFilter}).
 *
 * @param value the value; base64 in JSON
 * @param method how the value is compared; equals if absent
 */
final class MetadataValueFilter {


	/**
	 * Metadata whose value equals the given text, as UTF-8.
	 * @param value the value
	 * @return the filter
	 */
	public static MetadataValueFilter of(String value) {
		return new MetadataValueFilter(value.getBytes(StandardCharsets.UTF_8), ByteFilterMethod.BYTE_FILTER_METHOD_EQUALS);
	}

	// A record compares arrays by identity; a value is compared by content.
	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof MetadataValueFilter that && Arrays.equals(this.value, that.value)
				&& this.method == that.method;
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.value) + Objects.hashCode(this.method);
	}

	@Override
	public String toString() {
		return "MetadataValueFilter[value=" + this.value.length + " bytes, method=" + this.method + "]";
	}

}
