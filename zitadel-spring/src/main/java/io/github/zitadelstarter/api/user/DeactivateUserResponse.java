package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.Details;
import org.jspecify.annotations.Nullable;

/**
 * The result of a deactivation ({@code zitadel.user.v2.DeactivateUserResponse}).
 *
 * @param details when the change was made and who owns the user
 */
public record DeactivateUserResponse(@Nullable Details details) {

}
