package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.object.Organization;
import org.jspecify.annotations.Nullable;

/**
 * A human user as an organization's first admin is described
 * ({@code zitadel.user.v2.AddHumanUserRequest}); to create a user, use {@link CreateUserRequest}.
 *
 * @param userId an id of your own; ZITADEL generates one if absent
 * @param username a unique name; the email if absent
 * @param organization the organization the user belongs to
 * @param profile the profile
 * @param email the email address and how it is verified
 * @param phone the phone number and how it is verified
 * @param metadata metadata to set
 * @param password an initial password
 * @param hashedPassword an initial password as a hash
 * @param idpLinks links to accounts at identity providers
 * @param totpSecret a TOTP secret, for migrations
 */
final class AddHumanUserRequest {


	/**
	 * A human user with a profile and an email address.
	 * @param profile the profile
	 * @param email the email address
	 * @return the data
	 */
	public static AddHumanUserRequest of(SetHumanProfile profile, SetHumanEmail email) {
		return new AddHumanUserRequest(null, null, null, profile, email, null, List.of(), null, null, List.of(), null);
	}

	/** Leaves out totpSecret, which must not reach a log. */
	@Override
	public String toString() {
		return "AddHumanUserRequest[userId=" + this.userId + ", username=" + this.username + ", organization="
				+ this.organization + ", profile=" + this.profile + ", email=" + this.email + ", phone="
				+ this.phone + ", metadata=" + this.metadata + ", password=" + this.password + ", hashedPassword="
				+ this.hashedPassword + ", idpLinks=" + this.idpLinks + ", totpSecret="
				+ ((this.totpSecret != null) ? "[hidden]" : "null") + "]";
	}

}
