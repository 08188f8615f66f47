package io.github.zitadelstarter.api.project;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationResponse;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code ListProjects}: one page of the matching projects.
 *
 * @param pagination how many projects match in all, and the limit applied
 * @param projects the projects of this page
 */
public record ListProjectsResponse(@Nullable PaginationResponse pagination, List<Project> projects) {

	public ListProjectsResponse {
		projects = (projects != null) ? List.copyOf(projects) : List.of();
	}

	/**
	 * How many projects match in all, whatever the page.
	 * @return the total number of matching projects
	 */
	public long totalResult() {
		return PaginationResponse.totalResult(this.pagination);
	}

}
