package io.github.zitadelstarter.api.user;

/**
 * Return the phone verification code in the response
 * ({@code zitadel.user.v2.ReturnPhoneVerificationCode}).
 */
public record ReturnPhoneVerificationCode() {

}
