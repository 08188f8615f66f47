package io.github.zitadelstarter.api.organization;

/**
 * Deletes an organization with its users, projects and grants
 * ({@code zitadel.org.v2.DeleteOrganizationRequest}).
 *
 * @param organizationId the organization's id
 */
final class DeleteOrganizationRequest {


	/**
	 * The request for the given organization.
	 * @param organizationId the organization's id
	 * @return the request
	 */
	public static DeleteOrganizationRequest of(String organizationId) {
		return new DeleteOrganizationRequest(organizationId);
	}

}
