package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.Details;
import org.jspecify.annotations.Nullable;

/**
 * The result of an unlock ({@code zitadel.user.v2.UnlockUserResponse}).
 *
 * @param details when the change was made and who owns the user
 */
public record UnlockUserResponse(@Nullable Details details) {

}
