package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A session as the local session service keeps it: the checked user and password with when they
 * were checked, its metadata and user agent as the client sent them, and its token. Mutable;
 * guarded by the {@link LocalState} that holds it.
 */
final class LocalSession {

	final String id;

	final Instant creationDate;

	/** The service user that created it, for {@code creatorQuery}. */
	final String creatorId;

	Instant changeDate;

	long sequence = 1;

	String token;

	// The checked user, once a user check passed; it cannot change afterwards.
	@Nullable String userId;

	@Nullable Instant userCheckedAt;

	// The checked user as it was when checked, for the session's user factor.
	@Nullable String loginName;

	@Nullable String displayName;

	@Nullable String organizationId;

	@Nullable Instant passwordCheckedAt;

	// Base64 values, as the client sent them.
	final Map<String, Object> metadata = new LinkedHashMap<>();

	// A zitadel.session.v2.UserAgent as the client sent it.
	@Nullable Map<String, Object> userAgent;

	@Nullable Instant expirationDate;

	LocalSession(String id, String creatorId, String token, Instant creationDate) {
		this.id = id;
		this.creatorId = creatorId;
		this.token = token;
		this.creationDate = creationDate;
		this.changeDate = creationDate;
	}

	/** Records a change, as every event on the session counts up its sequence. */
	void changed(Instant now) {
		this.changeDate = now;
		this.sequence++;
	}

	/** Leaves out the token, a credential. */
	@Override
	public String toString() {
		return "LocalSession[" + this.id + ", user " + this.userId + "]";
	}

}
