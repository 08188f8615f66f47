package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Users by login name ({@code zitadel.user.v2.LoginNameQuery}).
 *
 * @param loginName the login name
 * @param method how it is compared; equals if absent
 */
public record LoginNameQuery(String loginName, @Nullable TextQueryMethod method) {

}
