package io.github.zitadelstarter.api.organization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of setting metadata ({@code zitadel.org.v2.SetOrganizationMetadataResponse}).
 *
 * @param setDate when the metadata was set
 */
public record SetOrganizationMetadataResponse(@Nullable Instant setDate) {

}
