package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Users by nick name ({@code zitadel.user.v2.NickNameQuery}).
 *
 * @param nickName the nick name
 * @param method how it is compared; equals if absent
 */
public record NickNameQuery(String nickName, @Nullable TextQueryMethod method) {

}
