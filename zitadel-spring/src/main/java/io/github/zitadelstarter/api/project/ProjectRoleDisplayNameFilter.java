package io.github.zitadelstarter.api.project;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * Matches project roles by display name.
 *
 * @param displayName the display name to compare with
 * @param method how the display name is compared; equals if absent
 */
public record ProjectRoleDisplayNameFilter(String displayName, @Nullable TextFilterMethod method) {

}
