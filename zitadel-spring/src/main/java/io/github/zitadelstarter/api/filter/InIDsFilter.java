package io.github.zitadelstarter.api.filter;

import java.util.List;

/**
 * Only resources with one of these ids.
 *
 * @param ids the ids to query for
 */
public record InIDsFilter(List<String> ids) {

	public InIDsFilter {
		ids = (ids != null) ? List.copyOf(ids) : List.of();
	}

	/**
	 * A filter on the given ids.
	 * @param ids the ids
	 * @return the filter
	 */
	public static InIDsFilter of(String... ids) {
		return new InIDsFilter(List.of(ids));
	}

}
