package io.github.zitadelstarter.api.organization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of deleting metadata ({@code zitadel.org.v2.DeleteOrganizationMetadataResponse}).
 *
 * @param deletionDate when the metadata was deleted
 */
public record DeleteOrganizationMetadataResponse(@Nullable Instant deletionDate) {

}
