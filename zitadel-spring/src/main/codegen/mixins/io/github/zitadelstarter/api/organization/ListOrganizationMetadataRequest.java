package io.github.zitadelstarter.api.organization;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationRequest;
import io.github.zitadelstarter.api.metadata.MetadataSearchFilter;
import org.jspecify.annotations.Nullable;

/**
 * Lists an organization's metadata ({@code zitadel.org.v2.ListOrganizationMetadataRequest}).
 *
 * @param organizationId the organization's id
 * @param pagination which page and in which order
 * @param filters the criteria
 */
final class ListOrganizationMetadataRequest {


	/**
	 * All metadata of an organization matching the filters.
	 * @param organizationId the organization's id
	 * @param filters the criteria
	 * @return the request
	 */
	public static ListOrganizationMetadataRequest of(String organizationId, MetadataSearchFilter... filters) {
		return new ListOrganizationMetadataRequest(organizationId, null, List.of(filters));
	}

}
