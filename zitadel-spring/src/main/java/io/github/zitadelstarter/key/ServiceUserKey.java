package io.github.zitadelstarter.key;

import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A ZITADEL service user's key, read from the JSON key file that ZITADEL hands out once.
 *
 * <p>
 * {@link #toString()} never shows the private key.
 */
public final class ServiceUserKey {

	private final String keyId;

	private final String userId;

	private final RSAPrivateKey privateKey;

	private final @Nullable Instant expirationDate;

	public ServiceUserKey(String keyId, String userId, RSAPrivateKey privateKey, @Nullable Instant expirationDate) {
		this.keyId = Objects.requireNonNull(keyId, "keyId");
		this.userId = Objects.requireNonNull(userId, "userId");
		this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
		this.expirationDate = expirationDate;
	}

	/**
	 * Parses a key file's JSON; see {@link ServiceUserKeyParser}.
	 * @param json the key file's content
	 * @return the key
	 * @throws InvalidServiceUserKeyException if the JSON is not a usable service user key
	 */
	public static ServiceUserKey fromJson(String json) {
		return ServiceUserKeyParser.parse(json);
	}

	/** The key's id, sent as the assertion's {@code kid} header. */
	public String getKeyId() {
		return this.keyId;
	}

	/** The service user's id, sent as the assertion's {@code iss} and {@code sub}. */
	public String getUserId() {
		return this.userId;
	}

	public RSAPrivateKey getPrivateKey() {
		return this.privateKey;
	}

	/** When ZITADEL stops accepting this key, or {@code null} if the key never expires. */
	public @Nullable Instant getExpirationDate() {
		return this.expirationDate;
	}

	/**
	 * Whether ZITADEL no longer accepts this key at the given instant.
	 * @param now the instant to check
	 * @return whether the key has expired
	 */
	public boolean isExpiredAt(Instant now) {
		return this.expirationDate != null && !now.isBefore(this.expirationDate);
	}

	@Override
	public String toString() {
		return "ServiceUserKey[keyId=" + this.keyId + ", userId=" + this.userId + ", expirationDate="
				+ this.expirationDate + ", privateKey=******]";
	}

}
