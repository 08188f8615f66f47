package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The user created ({@code zitadel.user.v2.CreateUserResponse}).
 *
 * @param id the new user's id
 * @param creationDate when it was created
 * @param emailCode the email verification code, if it was asked to be returned
 * @param phoneCode the phone verification code, if it was asked to be returned
 */
final class CreateUserResponse {


	/** Leaves out emailCode, phoneCode, which must not reach a log. */
	@Override
	public String toString() {
		return "CreateUserResponse[id=" + this.id + ", creationDate=" + this.creationDate + ", emailCode="
				+ ((this.emailCode != null) ? "[hidden]" : "null") + ", phoneCode="
				+ ((this.phoneCode != null) ? "[hidden]" : "null") + "]";
	}

}
