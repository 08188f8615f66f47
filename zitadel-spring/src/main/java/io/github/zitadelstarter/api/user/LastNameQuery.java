package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Users by family name ({@code zitadel.user.v2.LastNameQuery}).
 *
 * @param lastName the family name
 * @param method how it is compared; equals if absent
 */
public record LastNameQuery(String lastName, @Nullable TextQueryMethod method) {

}
