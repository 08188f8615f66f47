package io.github.zitadelstarter.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A user as the local user service keeps it: a human or a machine, with its metadata and, for
 * a machine, its keys, personal access tokens and secret. Mutable; guarded by the
 * {@link LocalState} that holds it.
 */
final class LocalUser {

	final String id;

	final String organizationId;

	final Instant creationDate;

	final boolean human;

	String username;

	String state = "USER_STATE_ACTIVE";

	Instant changeDate;

	long sequence = 1;

	// A human's profile, email and phone.
	@Nullable String givenName;

	@Nullable String familyName;

	@Nullable String nickName;

	@Nullable String displayName;

	@Nullable String preferredLanguage;

	@Nullable String gender;

	@Nullable String email;

	boolean emailVerified;

	@Nullable String phone;

	boolean phoneVerified;

	boolean passwordChangeRequired;

	@Nullable Instant passwordChanged;

	// SHA-256 of a password set in clear, so that the session service can check it; never the password.
	byte @Nullable [] passwordHash;

	// A machine's data and credentials.
	@Nullable String name;

	@Nullable String description;

	@Nullable String accessTokenType;

	@Nullable String secret;

	final Map<String, Entry> metadata = new LinkedHashMap<>();

	final Map<String, Credential> keys = new LinkedHashMap<>();

	final Map<String, Credential> personalAccessTokens = new LinkedHashMap<>();

	LocalUser(String id, String organizationId, String username, boolean human, Instant creationDate) {
		this.id = id;
		this.organizationId = organizationId;
		this.username = username;
		this.human = human;
		this.creationDate = creationDate;
		this.changeDate = creationDate;
	}

	/** Records a change, as every event on the user counts up its sequence. */
	void changed(Instant now) {
		this.changeDate = now;
		this.sequence++;
	}

	/** Whether the password is the one set for the user in clear. */
	boolean passwordMatches(String password) {
		return this.passwordHash != null && MessageDigest.isEqual(this.passwordHash, hash(password));
	}

	static byte[] hash(String password) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The display name ZITADEL shows: the one set, else given and family name. */
	String displayNameOrDefault() {
		return (this.displayName != null) ? this.displayName : this.givenName + " " + this.familyName;
	}

	/**
	 * A metadata entry.
	 *
	 * @param value the value
	 * @param creationDate when the key was first set
	 * @param changeDate when the value was last set
	 */
	record Entry(byte[] value, Instant creationDate, Instant changeDate) {
	}

	/**
	 * A key or personal access token of a machine user; only the id and dates are kept, as
	 * ZITADEL keeps no more that it would give out again.
	 *
	 * @param id the id
	 * @param creationDate when it was added
	 * @param expirationDate when it expires
	 */
	record Credential(String id, Instant creationDate, Instant expirationDate) {
	}

}
