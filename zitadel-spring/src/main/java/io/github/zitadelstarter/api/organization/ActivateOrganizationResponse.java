package io.github.zitadelstarter.api.organization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of activating an organization ({@code zitadel.org.v2.ActivateOrganizationResponse}).
 *
 * @param changeDate when it was activated
 */
public record ActivateOrganizationResponse(@Nullable Instant changeDate) {

}
