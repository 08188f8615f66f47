package io.github.zitadelstarter.api.organization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of deleting an organization ({@code zitadel.org.v2.DeleteOrganizationResponse}).
 *
 * @param deletionDate when it was deleted
 */
public record DeleteOrganizationResponse(@Nullable Instant deletionDate) {

}
