package io.github.zitadelstarter.api.user;

import java.util.List;

/**
 * Users matching any of several criteria ({@code zitadel.user.v2.OrQuery}).
 *
 * @param queries the criteria
 */
public record OrQuery(List<SearchQuery> queries) {

	public OrQuery {
		queries = (queries != null) ? List.copyOf(queries) : List.of();
	}

}
