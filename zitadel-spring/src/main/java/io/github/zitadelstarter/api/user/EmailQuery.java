package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Users by email address ({@code zitadel.user.v2.EmailQuery}).
 *
 * @param emailAddress the email address
 * @param method how it is compared; equals if absent
 */
public record EmailQuery(String emailAddress, @Nullable TextQueryMethod method) {

}
