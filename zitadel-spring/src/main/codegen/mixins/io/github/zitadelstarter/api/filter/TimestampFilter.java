package io.github.zitadelstarter.api.filter;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Resources whose timestamp compares to the given one as the method says.
 *
 * @param timestamp the timestamp to compare with
 * @param method the comparison; absent means equals
 */
final class TimestampFilter {


	/**
	 * A filter comparing with the given timestamp.
	 * @param timestamp the timestamp
	 * @param method the comparison
	 * @return the filter
	 */
	public static TimestampFilter of(Instant timestamp, TimestampFilterMethod method) {
		return new TimestampFilter(timestamp, method);
	}

}
