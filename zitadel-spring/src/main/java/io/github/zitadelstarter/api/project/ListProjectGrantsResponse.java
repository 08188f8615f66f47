package io.github.zitadelstarter.api.project;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationResponse;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code ListProjectGrants}: one page of the matching grants.
 *
 * @param pagination how many grants match in all, and the limit applied
 * @param projectGrants the grants of this page
 */
public record ListProjectGrantsResponse(@Nullable PaginationResponse pagination, List<ProjectGrant> projectGrants) {

	public ListProjectGrantsResponse {
		projectGrants = (projectGrants != null) ? List.copyOf(projectGrants) : List.of();
	}

	/**
	 * How many grants match in all, whatever the page.
	 * @return the total number of matching grants
	 */
	public long totalResult() {
		return PaginationResponse.totalResult(this.pagination);
	}

}
