package io.github.zitadelstarter.api.authorization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code UpdateAuthorization}.
 *
 * @param changeDate when the authorization changed
 */
public record UpdateAuthorizationResponse(@Nullable Instant changeDate) {

}
