package io.github.zitadelstarter.api.filter;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a list to return and in which order.
 *
 * @param offset where the page starts; a {@code uint64}, sent as a string
 * @param limit the most objects returned; ZITADEL's default is 100, its usual maximum 1000
 * @param asc whether the list is sorted ascending; ZITADEL sorts descending by default
 */
final class PaginationRequest {


	/**
	 * A page of a list in ZITADEL's default order.
	 * @param offset where the page starts
	 * @param limit the most objects returned
	 * @return the pagination
	 */
	public static PaginationRequest of(long offset, int limit) {
		return new PaginationRequest(offset, limit, false);
	}

	/**
	 * This pagination in the given order.
	 * @param asc whether the list is sorted ascending
	 * @return a copy sorted as asked
	 */
	public PaginationRequest withAsc(boolean asc) {
		return new PaginationRequest(this.offset, this.limit, asc);
	}

	/**
	 * This pagination with another page, keeping its order.
	 * @param offset where the page starts
	 * @param limit the most objects returned
	 * @return a copy for that page
	 */
	public PaginationRequest withPage(long offset, int limit) {
		return new PaginationRequest(offset, limit, this.asc);
	}

	/**
	 * The given pagination moved to another page, or a new one in the default order.
	 * @param pagination the pagination of a request, may be {@code null}
	 * @param offset where the page starts
	 * @param limit the most objects returned
	 * @return the pagination for that page
	 */
	public static PaginationRequest page(@Nullable PaginationRequest pagination, long offset, int limit) {
		return (pagination != null) ? pagination.withPage(offset, limit) : of(offset, limit);
	}

}
