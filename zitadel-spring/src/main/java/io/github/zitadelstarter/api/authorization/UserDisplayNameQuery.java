package io.github.zitadelstarter.api.authorization;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * Matches authorizations by the display name of their user.
 *
 * @param displayName the display name to compare with
 * @param method how it is compared; equals if absent
 */
public record UserDisplayNameQuery(String displayName, @Nullable TextFilterMethod method) {

}
