package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * A human user's email address and how it is verified ({@code zitadel.user.v2.SetHumanEmail});
 * without a verification, ZITADEL sends a code by mail.
 *
 * @param email the address
 * @param sendCode send a verification mail, optionally with a link template
 * @param returnCode return the verification code instead of sending it
 * @param isVerified whether the address counts as verified already
 */
final class SetHumanEmail {


	/**
	 * An address that ZITADEL verifies by sending a mail with its default link.
	 * @param email the address
	 * @return the email
	 */
	public static SetHumanEmail of(String email) {
		return new SetHumanEmail(email, null, null, null);
	}

	/**
	 * An address that counts as verified already.
	 * @param email the address
	 * @return the email
	 */
	public static SetHumanEmail verified(String email) {
		return new SetHumanEmail(email, null, null, true);
	}

	/**
	 * An address whose verification code is returned in the response rather than sent.
	 * @param email the address
	 * @return the email
	 */
	public static SetHumanEmail returnCode(String email) {
		return new SetHumanEmail(email, null, new ReturnEmailVerificationCode(), null);
	}

}
