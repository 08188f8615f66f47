package io.github.zitadelstarter.api.object;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a list to return and in which order ({@code zitadel.object.v2.ListQuery}).
 *
 * @param offset where the page starts
 * @param limit the most objects returned; ZITADEL's default applies if absent
 * @param asc whether the list is sorted ascending; descending by default
 */
final class ListQuery {


	/**
	 * A page in ZITADEL's default order.
	 * @param offset where the page starts
	 * @param limit the most objects returned
	 * @return the query
	 */
	public static ListQuery of(long offset, int limit) {
		return new ListQuery(offset, limit, false);
	}

	/**
	 * The given query moved to another page, keeping its order, or a new one.
	 * @param query the query of a request, may be {@code null}
	 * @param offset where the page starts
	 * @param limit the most objects returned
	 * @return the query for that page
	 */
	public static ListQuery page(@Nullable ListQuery query, long offset, int limit) {
		return new ListQuery(offset, limit, query != null && query.asc());
	}

}
