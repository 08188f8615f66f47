package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * A human user's email address ({@code zitadel.user.v2.HumanEmail}).
 *
 * @param email the address
 * @param isVerified whether it is verified
 */
public record HumanEmail(@Nullable String email, @Nullable Boolean isVerified) {

}
