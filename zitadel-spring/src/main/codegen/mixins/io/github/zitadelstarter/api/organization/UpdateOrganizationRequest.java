package io.github.zitadelstarter.api.organization;

/**
 * Renames an organization ({@code zitadel.org.v2.UpdateOrganizationRequest}); its default domain,
 * and login names using it, change too.
 *
 * @param organizationId the organization's id
 * @param name the new name
 */
final class UpdateOrganizationRequest {


	/**
	 * Renames the organization.
	 * @param organizationId the organization's id
	 * @param name the new name
	 * @return the request
	 */
	public static UpdateOrganizationRequest of(String organizationId, String name) {
		return new UpdateOrganizationRequest(organizationId, name);
	}

}
