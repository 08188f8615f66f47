package io.github.zitadelstarter.api.project;

import org.jspecify.annotations.Nullable;

/**
 * Matches projects an organization owns, is granted, or either.
 *
 * @param organizationId the organization's id
 * @param type owned, granted or both; both if absent
 */
public record ProjectOrganizationIDFilter(String organizationId, @Nullable ProjectOrganizationIDFilterType type) {

}
