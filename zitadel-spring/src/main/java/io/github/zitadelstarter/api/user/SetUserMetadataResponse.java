package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of setting metadata ({@code zitadel.user.v2.SetUserMetadataResponse}).
 *
 * @param setDate when the metadata was set
 */
public record SetUserMetadataResponse(@Nullable Instant setDate) {

}
