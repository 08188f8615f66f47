package io.github.zitadelstarter.api.organization;

import java.util.List;

/**
 * Sets metadata entries of an organization ({@code zitadel.org.v2.SetOrganizationMetadataRequest});
 * other entries stay, an empty value deletes an entry.
 *
 * @param organizationId the organization's id
 * @param metadata the entries
 */
final class SetOrganizationMetadataRequest {


	/**
	 * Sets one entry with a text value, as UTF-8.
	 * @param organizationId the organization's id
	 * @param key the key
	 * @param value the value
	 * @return the request
	 */
	public static SetOrganizationMetadataRequest of(String organizationId, String key, String value) {
		return new SetOrganizationMetadataRequest(organizationId, List.of(Metadata.of(key, value)));
	}

	/**
	 * Sets entries.
	 * @param organizationId the organization's id
	 * @param metadata the entries
	 * @return the request
	 */
	public static SetOrganizationMetadataRequest of(String organizationId, Metadata... metadata) {
		return new SetOrganizationMetadataRequest(organizationId, List.of(metadata));
	}

}
