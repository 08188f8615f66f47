package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationResponse;
import org.jspecify.annotations.Nullable;

/**
 * A page of personal access tokens ({@code zitadel.user.v2.ListPersonalAccessTokensResponse}).
 *
 * @param pagination how many tokens match in all
 * @param result the tokens of this page, without their secret part
 */
public record ListPersonalAccessTokensResponse(@Nullable PaginationResponse pagination,
		List<PersonalAccessToken> result) {

	public ListPersonalAccessTokensResponse {
		result = (result != null) ? List.copyOf(result) : List.of();
	}

	/**
	 * How many tokens match in all, over every page.
	 * @return the total, 0 if ZITADEL gave none
	 */
	public long totalResult() {
		return PaginationResponse.totalResult(this.pagination);
	}

}
