package io.github.zitadelstarter.api.user;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A metadata entry of a human user to add ({@code zitadel.user.v2.SetMetadataEntry}).
 *
 * @param key the key
 * @param value the value, not empty; base64 in JSON
 */
final class SetMetadataEntry {


	/**
	 * An entry with a text value, as UTF-8.
	 * @param key the key
	 * @param value the value
	 * @return the entry
	 */
	public static SetMetadataEntry of(String key, String value) {
		return new SetMetadataEntry(key, value.getBytes(StandardCharsets.UTF_8));
	}

	// A record compares arrays by identity; a value is compared by content.
	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof SetMetadataEntry that && this.key.equals(that.key) && Arrays.equals(this.value, that.value);
	}

	@Override
	public int hashCode() {
		return 31 * this.key.hashCode() + Arrays.hashCode(this.value);
	}

	/** Shows the value's size only: metadata may hold what a log should not. */
	@Override
	public String toString() {
		return "SetMetadataEntry[key=" + this.key + ", value=" + this.value.length + " bytes]";
	}

}
