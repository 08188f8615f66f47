package io.github.zitadelstarter.api.filter;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * How many objects match a list request and the limit that ZITADEL applied.
 *
 * @param totalResult the number of objects matching the query, whatever the limit
 * @param appliedLimit the most objects ZITADEL returned in this page
 */
final class PaginationResponse {


	/**
	 * The total number of matching objects of a response's pagination; absent (proto's
	 * zero) counts as none.
	 * @param pagination the pagination of a response, may be {@code null}
	 * @return the total number of matching objects
	 */
	public static long totalResult(@Nullable PaginationResponse pagination) {
		return (pagination != null) ? pagination.totalResult() : 0;
	}

}
