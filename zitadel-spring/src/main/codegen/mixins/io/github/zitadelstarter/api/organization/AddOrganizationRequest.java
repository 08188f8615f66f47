package io.github.zitadelstarter.api.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Creates an organization, optionally with admins ({@code zitadel.org.v2.AddOrganizationRequest}).
 *
 * @param name a name unique in the instance
 * @param admins the users to make admins; none if empty
 * @param organizationId an id of your own; ZITADEL generates one if absent
 */
final class AddOrganizationRequest {


	/**
	 * An organization without admins, managed by the instance's administrators.
	 * @param name a name unique in the instance
	 * @return the request
	 */
	public static AddOrganizationRequest of(String name) {
		return new AddOrganizationRequest(name, List.of(), null);
	}

	/**
	 * This request with admins.
	 * @param admins the users to make admins
	 * @return a copy with the admins
	 */
	public AddOrganizationRequest withAdmins(Admin... admins) {
		return new AddOrganizationRequest(this.name, List.of(admins), this.organizationId);
	}

	/**
	 * This request with an id of your own.
	 * @param organizationId an id unique in the instance
	 * @return a copy with the id
	 */
	public AddOrganizationRequest withOrganizationId(String organizationId) {
		return new AddOrganizationRequest(this.name, this.admins, organizationId);
	}

}
