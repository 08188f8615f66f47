package io.github.zitadelstarter.api.authorization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code CreateAuthorization}.
 *
 * @param id the new authorization's id
 * @param creationDate when the authorization was created
 */
public record CreateAuthorizationResponse(String id, @Nullable Instant creationDate) {

}
