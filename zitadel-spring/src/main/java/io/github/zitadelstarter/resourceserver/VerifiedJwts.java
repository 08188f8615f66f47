package io.github.zitadelstarter.resourceserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * JWTs whose signature and claims were checked, so that a token seen again is not checked
 * again: an RSA signature costs about 0.1 ms of CPU, more than the rest of a small request. A
 * token is kept until its {@code exp} or {@code maxAge}, whichever comes first, and used again
 * only while the key that signed it is still trusted: the decoders ask whether its
 * {@code kid} is still in the JWKS they hold, or whether the JWKS was fetched again since, so
 * that a key ZITADEL removed stops its tokens exactly when it would without this cache.
 */
final class VerifiedJwts {

	/** At most this long: Spring Security keeps a JWKS 5 minutes, and the tokens no longer. */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	static final int MAX_ENTRIES = 10_000;

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	VerifiedJwts(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A token checked before, if it is still good.
	 * @param token the token
	 * @param keyStillTrusted whether the key that signed it is still trusted, given what was
	 * noted when it was checked
	 * @return the checked JWT, or {@code null} to check the token
	 */
	@Nullable Jwt get(String token, Predicate<Entry> keyStillTrusted) {
		String key = TokenDigests.sha256(token);
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!this.clock.instant().isBefore(entry.until()) || !keyStillTrusted.test(entry)) {
			this.entries.remove(key, entry);
			return null;
		}
		return entry.jwt();
	}

	/**
	 * Keeps a checked token.
	 * @param token the token
	 * @param jwt what checking it gave
	 * @param keys what the decoder knew of its keys when it checked the token, such as the
	 * number of JWKS fetches so far
	 */
	void put(String token, Jwt jwt, long keys) {
		Instant now = this.clock.instant();
		Instant until = now.plus(MAX_AGE);
		if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
			until = jwt.getExpiresAt();
		}
		if (!now.isBefore(until)) {
			return;
		}
		this.entries.put(TokenDigests.sha256(token), new Entry(jwt, until, keys));
		if (this.entries.size() > MAX_ENTRIES) {
			purge(now);
		}
	}

	private void purge(Instant now) {
		this.entries.values().removeIf((entry) -> !now.isBefore(entry.until()));
		// Still full of live tokens: drop some, which costs each of them one check more.
		Iterator<String> keys = this.entries.keySet().iterator();
		while (this.entries.size() > MAX_ENTRIES - MAX_ENTRIES / 10 && keys.hasNext()) {
			keys.next();
			keys.remove();
		}
	}

	/**
	 * A checked token.
	 * @param jwt what checking it gave
	 * @param until when it must be checked again
	 * @param keys what the decoder knew of its keys when it checked the token
	 */
	record Entry(Jwt jwt, Instant until, long keys) {

		@Override
		public String toString() {
			return "Entry[until=" + this.until + "]";
		}

	}

}
