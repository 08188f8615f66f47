package io.github.zitadelstarter.api.user;

import java.util.List;

/**
 * Users whose id is one of several ({@code zitadel.user.v2.InUserIDQuery}).
 *
 * @param userIds the ids
 */
public record InUserIDQuery(List<String> userIds) {

	public InUserIDQuery {
		userIds = (userIds != null) ? List.copyOf(userIds) : List.of();
	}

}
