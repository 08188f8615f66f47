package io.github.zitadelstarter.api.user;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Adds a key to a machine user for the JWT profile grant ({@code zitadel.user.v2.AddKeyRequest}).
 *
 * @param userId the user's id
 * @param expirationDate when the key expires
 * @param publicKey the public key of your own RSA key pair, PEM; ZITADEL generates a pair if absent
 */
final class AddKeyRequest {


	/**
	 * A key that ZITADEL generates, returned once in the response.
	 * @param userId the user's id
	 * @param expirationDate when the key expires
	 * @return the request
	 */
	public static AddKeyRequest of(String userId, Instant expirationDate) {
		return new AddKeyRequest(userId, expirationDate, new byte[0]);
	}

	// A record compares arrays by identity; a key is compared by content.
	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof AddKeyRequest that && this.userId.equals(that.userId)
				&& Objects.equals(this.expirationDate, that.expirationDate) && Arrays.equals(this.publicKey, that.publicKey);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.userId, this.expirationDate, Arrays.hashCode(this.publicKey));
	}

	@Override
	public String toString() {
		return "AddKeyRequest[userId=" + this.userId + ", expirationDate=" + this.expirationDate + ", publicKey="
				+ this.publicKey.length + " bytes" + "]";
	}

}
