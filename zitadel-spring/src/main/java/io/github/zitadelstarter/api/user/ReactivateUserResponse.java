package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.Details;
import org.jspecify.annotations.Nullable;

/**
 * The result of a reactivation ({@code zitadel.user.v2.ReactivateUserResponse}).
 *
 * @param details when the change was made and who owns the user
 */
public record ReactivateUserResponse(@Nullable Details details) {

}
