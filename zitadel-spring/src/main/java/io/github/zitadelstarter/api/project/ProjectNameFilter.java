package io.github.zitadelstarter.api.project;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * Matches projects by name.
 *
 * @param projectName the name to compare with
 * @param method how the name is compared; equals if absent
 */
public record ProjectNameFilter(String projectName, @Nullable TextFilterMethod method) {

}
