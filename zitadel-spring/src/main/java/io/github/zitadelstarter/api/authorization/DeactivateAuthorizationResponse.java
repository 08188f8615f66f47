package io.github.zitadelstarter.api.authorization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code DeactivateAuthorization}.
 *
 * @param changeDate when the authorization last changed; unchanged if it was inactive already
 */
public record DeactivateAuthorizationResponse(@Nullable Instant changeDate) {

}
