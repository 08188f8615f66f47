package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationResponse;
import org.jspecify.annotations.Nullable;

/**
 * A page of keys ({@code zitadel.user.v2.ListKeysResponse}).
 *
 * @param pagination how many keys match in all
 * @param result the keys of this page
 */
public record ListKeysResponse(@Nullable PaginationResponse pagination, List<Key> result) {

	public ListKeysResponse {
		result = (result != null) ? List.copyOf(result) : List.of();
	}

	/**
	 * How many keys match in all, over every page.
	 * @return the total, 0 if ZITADEL gave none
	 */
	public long totalResult() {
		return PaginationResponse.totalResult(this.pagination);
	}

}
