package io.github.zitadelstarter.api.user;

/**
 * Send a phone verification code by SMS ({@code zitadel.user.v2.SendPhoneVerificationCode}).
 */
public record SendPhoneVerificationCode() {

}
