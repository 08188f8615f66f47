package io.github.zitadelstarter.api.organization;

/**
 * Activates a deactivated organization ({@code zitadel.org.v2.ActivateOrganizationRequest}).
 *
 * @param organizationId the organization's id
 */
final class ActivateOrganizationRequest {


	/**
	 * The request for the given organization.
	 * @param organizationId the organization's id
	 * @return the request
	 */
	public static ActivateOrganizationRequest of(String organizationId) {
		return new ActivateOrganizationRequest(organizationId);
	}

}
