package io.github.zitadelstarter.api.organization;

import org.jspecify.annotations.Nullable;

/**
 * An admin created with an organization
 * ({@code zitadel.org.v2.AddOrganizationResponse.CreatedAdmin}).
 *
 * @param userId the admin's user id
 * @param emailCode the email verification code, if it was asked to be returned
 * @param phoneCode the phone verification code, if it was asked to be returned
 */
final class CreatedAdmin {


	/** Leaves out emailCode, phoneCode, which must not reach a log. */
	@Override
	public String toString() {
		return "CreatedAdmin[userId=" + this.userId + ", emailCode="
				+ ((this.emailCode != null) ? "[hidden]" : "null") + ", phoneCode="
				+ ((this.phoneCode != null) ? "[hidden]" : "null") + "]";
	}

}
