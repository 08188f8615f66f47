package io.github.zitadelstarter.api.user;

/**
 * Return the email verification code in the response
 * ({@code zitadel.user.v2.ReturnEmailVerificationCode}).
 */
public record ReturnEmailVerificationCode() {

}
