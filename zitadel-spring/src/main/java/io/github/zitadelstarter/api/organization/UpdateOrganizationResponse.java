package io.github.zitadelstarter.api.organization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of renaming an organization ({@code zitadel.org.v2.UpdateOrganizationResponse}).
 *
 * @param changeDate when it was changed
 */
public record UpdateOrganizationResponse(@Nullable Instant changeDate) {

}
