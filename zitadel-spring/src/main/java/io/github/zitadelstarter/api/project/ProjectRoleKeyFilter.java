package io.github.zitadelstarter.api.project;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * Matches project roles (or grants with a role) by role key.
 *
 * @param key the key to compare with
 * @param method how the key is compared; equals if absent
 */
public record ProjectRoleKeyFilter(String key, @Nullable TextFilterMethod method) {

}
