package io.github.zitadelstarter.api.user;

import java.util.List;

/**
 * Users whose email address is one of several ({@code zitadel.user.v2.InUserEmailsQuery}).
 *
 * @param userEmails the addresses
 */
public record InUserEmailsQuery(List<String> userEmails) {

	public InUserEmailsQuery {
		userEmails = (userEmails != null) ? List.copyOf(userEmails) : List.of();
	}

}
