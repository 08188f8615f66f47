package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of removing a key ({@code zitadel.user.v2.RemoveKeyResponse}).
 *
 * @param deletionDate when the key was removed
 */
public record RemoveKeyResponse(@Nullable Instant deletionDate) {

}
