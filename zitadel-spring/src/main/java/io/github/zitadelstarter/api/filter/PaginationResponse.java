package io.github.zitadelstarter.api.filter;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * How many objects match a list request and the limit that ZITADEL applied.
 *
 * @param totalResult the number of objects matching the query, whatever the limit
 * @param appliedLimit the most objects ZITADEL returned in this page
 */
public record PaginationResponse(@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable Long totalResult,
		@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable Long appliedLimit) {

	/**
	 * The total number of matching objects of a response's pagination; absent (proto's
	 * zero) counts as none.
	 * @param pagination the pagination of a response, may be {@code null}
	 * @return the total number of matching objects
	 */
	public static long totalResult(@Nullable PaginationResponse pagination) {
		Long total = (pagination != null) ? pagination.totalResult() : null;
		return (total != null) ? total : 0L;
	}

}
