package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * A human user's phone number and how it is verified ({@code zitadel.user.v2.SetHumanPhone}).
 *
 * @param phone the number; empty removes it on an update
 * @param sendCode send a verification SMS
 * @param returnCode return the verification code instead of sending it
 * @param isVerified whether the number counts as verified already; only {@code true} is valid
 */
final class SetHumanPhone {


	/**
	 * A number that counts as verified already.
	 * @param phone the number
	 * @return the phone
	 */
	public static SetHumanPhone verified(String phone) {
		return new SetHumanPhone(phone, null, null, true);
	}

	/**
	 * A number that ZITADEL verifies by sending an SMS.
	 * @param phone the number
	 * @return the phone
	 */
	public static SetHumanPhone sendCode(String phone) {
		return new SetHumanPhone(phone, new SendPhoneVerificationCode(), null, null);
	}

}
