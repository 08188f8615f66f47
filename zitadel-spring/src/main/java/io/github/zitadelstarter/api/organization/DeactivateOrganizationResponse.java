package io.github.zitadelstarter.api.organization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of deactivating an organization
 * ({@code zitadel.org.v2.DeactivateOrganizationResponse}).
 *
 * @param changeDate when it was deactivated
 */
public record DeactivateOrganizationResponse(@Nullable Instant changeDate) {

}
