package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * Send an email verification code by mail ({@code zitadel.user.v2.SendEmailVerificationCode}).
 *
 * @param urlTemplate the link in the mail, with the placeholders {@code UserID}, {@code OrgID} and
 * {@code Code}; ZITADEL's default if absent
 */
public record SendEmailVerificationCode(@Nullable String urlTemplate) {

}
