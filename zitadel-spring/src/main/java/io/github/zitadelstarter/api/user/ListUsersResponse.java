package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.object.ListDetails;
import org.jspecify.annotations.Nullable;

/**
 * A page of users ({@code zitadel.user.v2.ListUsersResponse}).
 *
 * @param details how many users match in all
 * @param sortingColumn the field the list is sorted by
 * @param result the users of this page
 */
public record ListUsersResponse(@Nullable ListDetails details, @Nullable UserFieldName sortingColumn,
		List<User> result) {

	public ListUsersResponse {
		result = (result != null) ? List.copyOf(result) : List.of();
	}

	/**
	 * How many users match in all, over every page.
	 * @return the total, 0 if ZITADEL gave none
	 */
	public long totalResult() {
		return ListDetails.totalResult(this.details);
	}

}
