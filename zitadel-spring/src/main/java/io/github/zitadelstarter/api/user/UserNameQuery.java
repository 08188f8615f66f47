package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Users by user name ({@code zitadel.user.v2.UserNameQuery}).
 *
 * @param userName the user name
 * @param method how it is compared; equals if absent
 */
public record UserNameQuery(String userName, @Nullable TextQueryMethod method) {

}
