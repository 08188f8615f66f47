package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of a change ({@code zitadel.user.v2.UpdateUserResponse}).
 *
 * @param changeDate when the user was changed
 * @param emailCode the email verification code, if it was asked to be returned
 * @param phoneCode the phone verification code, if it was asked to be returned
 */
final class UpdateUserResponse {


	/** Leaves out emailCode, phoneCode, which must not reach a log. */
	@Override
	public String toString() {
		return "UpdateUserResponse[changeDate=" + this.changeDate + ", emailCode="
				+ ((this.emailCode != null) ? "[hidden]" : "null") + ", phoneCode="
				+ ((this.phoneCode != null) ? "[hidden]" : "null") + "]";
	}

}
