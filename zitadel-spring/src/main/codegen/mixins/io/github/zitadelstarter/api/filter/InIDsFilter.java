package io.github.zitadelstarter.api.filter;

import java.util.List;

/**
 * Only resources with one of these ids.
 *
 * @param ids the ids to query for
 */
final class InIDsFilter {


	/**
	 * A filter on the given ids.
	 * @param ids the ids
	 * @return the filter
	 */
	public static InIDsFilter of(String... ids) {
		return new InIDsFilter(List.of(ids));
	}

}
