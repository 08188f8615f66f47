package io.github.zitadelstarter.api.metadata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A metadata entry of a user or an organization as ZITADEL lists it
 * ({@code zitadel.metadata.v2.Metadata}).
 *
 * @param creationDate when the entry was created
 * @param changeDate when the entry was last changed
 * @param key the key
 * @param value the value; base64 in JSON
 */
final class Metadata {


	/**
	 * The value read as UTF-8 text.
	 * @return the value as text, empty if there is none
	 */
	public String valueAsString() {
		return (this.value != null) ? new String(this.value, StandardCharsets.UTF_8) : "";
	}

	// A record compares arrays by identity; a value is compared by content.
	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Metadata that && Objects.equals(this.creationDate, that.creationDate)
				&& Objects.equals(this.changeDate, that.changeDate) && Objects.equals(this.key, that.key)
				&& Arrays.equals(this.value, that.value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.creationDate, this.changeDate, this.key, Arrays.hashCode(this.value));
	}

	/** Shows the value's size only: metadata may hold what a log should not. */
	@Override
	public String toString() {
		return "Metadata[key=" + this.key + ", value=" + ((this.value != null) ? this.value.length + " bytes" : "null")
				+ ", creationDate=" + this.creationDate + ", changeDate=" + this.changeDate + "]";
	}

}
