package io.github.zitadelstarter.api.authorization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code ActivateAuthorization}.
 *
 * @param changeDate when the authorization last changed; unchanged if it was active already
 */
public record ActivateAuthorizationResponse(@Nullable Instant changeDate) {

}
