package io.github.zitadelstarter.api.authorization;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * Matches authorizations by the key of a granted role.
 *
 * @param key the role key to compare with
 * @param method how it is compared; equals if absent
 */
public record RoleKeyQuery(String key, @Nullable TextFilterMethod method) {

}
