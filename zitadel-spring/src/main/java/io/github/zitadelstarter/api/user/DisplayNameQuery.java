package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Users by display name ({@code zitadel.user.v2.DisplayNameQuery}).
 *
 * @param displayName the display name
 * @param method how it is compared; equals if absent
 */
public record DisplayNameQuery(String displayName, @Nullable TextQueryMethod method) {

}
