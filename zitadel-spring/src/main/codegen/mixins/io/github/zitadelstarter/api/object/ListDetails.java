package io.github.zitadelstarter.api.object;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * How many objects match a list request ({@code zitadel.object.v2.ListDetails}).
 *
 * @param totalResult the number of objects matching the query, whatever the limit
 * @param processedSequence the sequence the answer was read at
 * @param timestamp when the projection was last updated
 */
final class ListDetails {


	/**
	 * The total number of matching objects of a response's details; absent (proto's zero)
	 * counts as none.
	 * @param details the details of a response, may be {@code null}
	 * @return the total number of matching objects
	 */
	public static long totalResult(@Nullable ListDetails details) {
		return (details != null) ? details.totalResult() : 0;
	}

}
