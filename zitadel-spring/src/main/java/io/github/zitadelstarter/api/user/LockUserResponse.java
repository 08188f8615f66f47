package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.Details;
import org.jspecify.annotations.Nullable;

/**
 * The result of a lock ({@code zitadel.user.v2.LockUserResponse}).
 *
 * @param details when the change was made and who owns the user
 */
public record LockUserResponse(@Nullable Details details) {

}
