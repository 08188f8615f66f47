package io.github.zitadelstarter.api.organization;

import java.util.List;

/**
 * Deletes metadata entries of an organization by key
 * ({@code zitadel.org.v2.DeleteOrganizationMetadataRequest}).
 *
 * @param organizationId the organization's id
 * @param keys the keys of the entries
 */
final class DeleteOrganizationMetadataRequest {


	/**
	 * Deletes the entries with the given keys.
	 * @param organizationId the organization's id
	 * @param keys the keys
	 * @return the request
	 */
	public static DeleteOrganizationMetadataRequest of(String organizationId, String... keys) {
		return new DeleteOrganizationMetadataRequest(organizationId, List.of(keys));
	}

}
