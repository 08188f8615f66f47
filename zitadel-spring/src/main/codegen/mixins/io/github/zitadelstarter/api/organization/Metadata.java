package io.github.zitadelstarter.api.organization;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A metadata entry of an organization to set ({@code zitadel.org.v2.Metadata}); an empty value
 * deletes the entry.
 *
 * @param key the key
 * @param value the value; base64 in JSON
 */
final class Metadata {


	/**
	 * An entry with a text value, as UTF-8.
	 * @param key the key
	 * @param value the value
	 * @return the entry
	 */
	public static Metadata of(String key, String value) {
		return new Metadata(key, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The value read as UTF-8 text.
	 * @return the value as text
	 */
	public String valueAsString() {
		return new String(this.value, StandardCharsets.UTF_8);
	}

	// A record compares arrays by identity; a value is compared by content.
	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Metadata that && this.key.equals(that.key) && Arrays.equals(this.value, that.value);
	}

	@Override
	public int hashCode() {
		return 31 * this.key.hashCode() + Arrays.hashCode(this.value);
	}

	/** Shows the value's size only: metadata may hold what a log should not. */
	@Override
	public String toString() {
		return "Metadata[key=" + this.key + ", value=" + this.value.length + " bytes]";
	}

}
