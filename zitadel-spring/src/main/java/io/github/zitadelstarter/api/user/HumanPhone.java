package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * A human user's phone number ({@code zitadel.user.v2.HumanPhone}).
 *
 * @param phone the number
 * @param isVerified whether it is verified
 */
public record HumanPhone(@Nullable String phone, @Nullable Boolean isVerified) {

}
