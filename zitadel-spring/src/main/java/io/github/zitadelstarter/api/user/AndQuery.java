package io.github.zitadelstarter.api.user;

import java.util.List;

/**
 * Users matching all of several criteria ({@code zitadel.user.v2.AndQuery}).
 *
 * @param queries the criteria
 */
public record AndQuery(List<SearchQuery> queries) {

	public AndQuery {
		queries = (queries != null) ? List.copyOf(queries) : List.of();
	}

}
