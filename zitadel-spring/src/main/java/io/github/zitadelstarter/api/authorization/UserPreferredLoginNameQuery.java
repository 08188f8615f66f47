package io.github.zitadelstarter.api.authorization;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * Matches authorizations by the preferred login name of their user.
 *
 * @param loginName the login name to compare with
 * @param method how it is compared; equals if absent
 */
public record UserPreferredLoginNameQuery(String loginName, @Nullable TextFilterMethod method) {

}
