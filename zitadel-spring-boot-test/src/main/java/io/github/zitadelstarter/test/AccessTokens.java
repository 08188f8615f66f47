package io.github.zitadelstarter.test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The opaque tokens the local ZITADEL accepts at its APIs, with what ZITADEL remembers of
 * them: when they expire and whether they were issued for ZITADEL's own APIs.
 */
final class AccessTokens {

	/** What an API call's bearer token is worth. */
	enum Verdict {

		VALID, UNKNOWN, EXPIRED, NO_ZITADEL_AUDIENCE

	}

	private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	AccessTokens(Clock clock) {
		this.clock = clock;
	}

	String issue(Instant expiresAt, boolean zitadelAudience) {
		// Forget expired tokens so that a long-running application does not accumulate them.
		Instant now = this.clock.instant();
		this.tokens.values().removeIf((issued) -> !issued.persistent() && issued.expiredAt(now));
		String token = random(48);
		this.tokens.put(token, new Issued(expiresAt, zitadelAudience, false));
		return token;
	}

	/** A personal access token: kept even after it expires, so that it is refused as expired. */
	void register(String token, Instant expiresAt) {
		this.tokens.put(token, new Issued(expiresAt, true, true));
	}

	/** Revokes every token issued at the token endpoint; personal access tokens stay. */
	void revokeIssued() {
		this.tokens.values().removeIf((issued) -> !issued.persistent());
	}

	Verdict check(@Nullable String token) {
		Issued issued = (token != null) ? this.tokens.get(token) : null;
		if (issued == null) {
			return Verdict.UNKNOWN;
		}
		if (issued.expiredAt(this.clock.instant())) {
			return Verdict.EXPIRED;
		}
		return issued.zitadelAudience() ? Verdict.VALID : Verdict.NO_ZITADEL_AUDIENCE;
	}

	String random(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private record Issued(Instant expiresAt, boolean zitadelAudience, boolean persistent) {

		boolean expiredAt(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

	}

}
