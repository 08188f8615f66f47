package io.github.zitadelstarter.api.authorization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code DeleteAuthorization}.
 *
 * @param deletionDate when the authorization was deleted; set only if this request deleted it
 */
public record DeleteAuthorizationResponse(@Nullable Instant deletionDate) {

}
