package io.github.zitadelstarter.resourceserver;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How introspection results are kept and how long requests wait for them.
 *
 * @param maxAge the longest an introspection result is used, never past the token's
 * {@code exp}; a token revoked meanwhile stays accepted this long
 * @param maxWait the longest a request waits for an introspection in flight
 * @param coolDown how long after a failed introspection tokens not yet known are refused
 * without asking ZITADEL again
 * @param maxEntries how many results are kept at most
 */
public record IntrospectionSettings(Duration maxAge, Duration maxWait, Duration coolDown, int maxEntries) {

	/** 1 minute, 5 seconds, 2 seconds, 10,000 entries. */
	public static final IntrospectionSettings DEFAULTS = new IntrospectionSettings(Duration.ofMinutes(1),
			Duration.ofSeconds(5), Duration.ofSeconds(2), 10_000);

	public IntrospectionSettings {
		Assert.isTrue(!maxAge.isNegative() && !maxAge.isZero(), "maxAge must be positive");
		Assert.isTrue(!maxWait.isNegative() && !maxWait.isZero(), "maxWait must be positive");
		Assert.isTrue(!coolDown.isNegative(), "coolDown must not be negative");
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
	}

}
