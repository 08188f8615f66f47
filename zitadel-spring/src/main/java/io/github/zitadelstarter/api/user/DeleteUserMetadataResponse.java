package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of deleting metadata ({@code zitadel.user.v2.DeleteUserMetadataResponse}).
 *
 * @param deletionDate when the metadata was deleted
 */
public record DeleteUserMetadataResponse(@Nullable Instant deletionDate) {

}
