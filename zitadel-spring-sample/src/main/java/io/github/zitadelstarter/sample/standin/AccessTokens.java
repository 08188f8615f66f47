package io.github.zitadelstarter.sample.standin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The opaque access tokens the stand-in has issued, with what ZITADEL would remember of
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

	String issue(Duration lifetime, boolean zitadelAudience) {
		Instant now = this.clock.instant();
		// Forget expired tokens so that a long-running sample does not accumulate them.
		this.tokens.values().removeIf((issued) -> issued.expiredAt(now));
		byte[] bytes = new byte[48];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.tokens.put(token, new Issued(now.plus(lifetime), zitadelAudience));
		return token;
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

	private record Issued(Instant expiresAt, boolean zitadelAudience) {

		boolean expiredAt(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

	}

}
