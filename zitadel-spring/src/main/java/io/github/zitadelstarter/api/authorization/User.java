package io.github.zitadelstarter.api.authorization;

import org.jspecify.annotations.Nullable;

/**
 * The user of an authorization.
 *
 * @param id the user's id
 * @param preferredLoginName the user's preferred login name
 * @param displayName the user's public display name
 * @param avatarUrl the URL of the user's public avatar image
 * @param organizationId the id of the user's organization, not necessarily the
 * authorization's
 */
public record User(String id, @Nullable String preferredLoginName, @Nullable String displayName,
		@Nullable String avatarUrl, @Nullable String organizationId) {

}
