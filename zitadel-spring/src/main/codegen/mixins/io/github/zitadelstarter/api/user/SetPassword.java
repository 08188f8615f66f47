package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * A new password and what authorizes the change ({@code zitadel.user.v2.SetPassword}); one of each
 * pair is set.
 *
 * @param password the new password in clear text
 * @param hashedPassword the new password as a hash
 * @param currentPassword the current password, if the change must prove it
 * @param verificationCode a password reset code, if the change must prove one
 */
final class SetPassword {


	/**
	 * A new password that needs no proof, as an administrator sets it.
	 * @param password the new password
	 * @return the change
	 */
	public static SetPassword of(Password password) {
		return new SetPassword(password, null, null, null);
	}

	/** Leaves out currentPassword, verificationCode, which must not reach a log. */
	@Override
	public String toString() {
		return "SetPassword[password=" + this.password + ", hashedPassword=" + this.hashedPassword
				+ ", currentPassword=" + ((this.currentPassword != null) ? "[hidden]" : "null")
				+ ", verificationCode=" + ((this.verificationCode != null) ? "[hidden]" : "null") + "]";
	}

}
