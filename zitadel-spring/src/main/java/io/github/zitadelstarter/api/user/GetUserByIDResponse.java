package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * A user ({@code zitadel.user.v2.GetUserByIDResponse}).
 *
 * @param user the user
 */
public record GetUserByIDResponse(@Nullable User user) {

}
