package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of removing a personal access token
 * ({@code zitadel.user.v2.RemovePersonalAccessTokenResponse}).
 *
 * @param deletionDate when the token was removed
 */
public record RemovePersonalAccessTokenResponse(@Nullable Instant deletionDate) {

}
