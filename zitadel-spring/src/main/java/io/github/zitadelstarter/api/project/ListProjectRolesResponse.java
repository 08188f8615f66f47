package io.github.zitadelstarter.api.project;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationResponse;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code ListProjectRoles}: one page of the matching roles.
 *
 * @param pagination how many roles match in all, and the limit applied
 * @param projectRoles the roles of this page
 */
public record ListProjectRolesResponse(@Nullable PaginationResponse pagination, List<ProjectRole> projectRoles) {

	public ListProjectRolesResponse {
		projectRoles = (projectRoles != null) ? List.copyOf(projectRoles) : List.of();
	}

	/**
	 * How many roles match in all, whatever the page.
	 * @return the total number of matching roles
	 */
	public long totalResult() {
		return PaginationResponse.totalResult(this.pagination);
	}

}
