package io.github.zitadelstarter.api.user;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The data of a human user to create ({@code zitadel.user.v2.CreateUserRequest.Human}); at most one
 * of {@code password} and {@code hashedPassword} is set.
 *
 * @param profile the profile
 * @param email the email address and how it is verified
 * @param phone the phone number and how it is verified
 * @param password an initial password
 * @param hashedPassword an initial password as a hash, for imports
 * @param idpLinks links to accounts at identity providers, for migrations
 * @param totpSecret a TOTP secret (RFC 6238, HMAC-SHA-1, 30 s), for migrations
 */
final class CreateUserRequestHuman {


	/**
	 * A human user with a profile and an email address.
	 * @param profile the profile
	 * @param email the email address
	 * @return the data
	 */
	public static CreateUserRequestHuman of(SetHumanProfile profile, SetHumanEmail email) {
		return new CreateUserRequestHuman(profile, email, null, null, null, List.of(), null);
	}

	/**
	 * This user with an initial password.
	 * @param password the password
	 * @return a copy with the password
	 */
	public CreateUserRequestHuman withPassword(Password password) {
		return new CreateUserRequestHuman(this.profile, this.email, this.phone, password, null, this.idpLinks,
				this.totpSecret);
	}

	/**
	 * This user with a phone number.
	 * @param phone the phone number
	 * @return a copy with the phone number
	 */
	public CreateUserRequestHuman withPhone(SetHumanPhone phone) {
		return new CreateUserRequestHuman(this.profile, this.email, phone, this.password, this.hashedPassword,
				this.idpLinks, this.totpSecret);
	}

	/** Leaves out totpSecret, which must not reach a log. */
	@Override
	public String toString() {
		return "CreateUserRequestHuman[profile=" + this.profile + ", email=" + this.email + ", phone=" + this.phone
				+ ", password=" + this.password + ", hashedPassword=" + this.hashedPassword + ", idpLinks="
				+ this.idpLinks + ", totpSecret=" + ((this.totpSecret != null) ? "[hidden]" : "null") + "]";
	}

}
