package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Users by given name ({@code zitadel.user.v2.FirstNameQuery}).
 *
 * @param firstName the given name
 * @param method how it is compared; equals if absent
 */
public record FirstNameQuery(String firstName, @Nullable TextQueryMethod method) {

}
