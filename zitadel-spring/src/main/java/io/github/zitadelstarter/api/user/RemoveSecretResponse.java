package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of removing a secret ({@code zitadel.user.v2.RemoveSecretResponse}).
 *
 * @param deletionDate when the secret was removed
 */
public record RemoveSecretResponse(@Nullable Instant deletionDate) {

}
