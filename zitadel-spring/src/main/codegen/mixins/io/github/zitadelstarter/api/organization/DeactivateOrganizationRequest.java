package io.github.zitadelstarter.api.organization;

/**
 * Deactivates an organization, whose users can then not log in
 * ({@code zitadel.org.v2.DeactivateOrganizationRequest}).
 *
 * @param organizationId the organization's id
 */
final class DeactivateOrganizationRequest {


	/**
	 * The request for the given organization.
	 * @param organizationId the organization's id
	 * @return the request
	 */
	public static DeactivateOrganizationRequest of(String organizationId) {
		return new DeactivateOrganizationRequest(organizationId);
	}

}
