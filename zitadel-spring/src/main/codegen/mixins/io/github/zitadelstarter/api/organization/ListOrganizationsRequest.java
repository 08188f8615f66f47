package io.github.zitadelstarter.api.organization;

import java.util.List;

import io.github.zitadelstarter.api.object.ListQuery;
import org.jspecify.annotations.Nullable;

/**
 * Lists the organizations matching all queries ({@code zitadel.org.v2.ListOrganizationsRequest}).
 *
 * @param query which page and in which order
 * @param sortingColumn the field the list is sorted by
 * @param queries the criteria, all of which an organization matches
 */
final class ListOrganizationsRequest {


	/**
	 * The organizations matching all the given queries; every one the caller may read without any.
	 * @param queries the criteria
	 * @return the request
	 */
	public static ListOrganizationsRequest of(SearchQuery... queries) {
		return new ListOrganizationsRequest(null, OrganizationFieldName.ORGANIZATION_FIELD_NAME_UNSPECIFIED, List.of(queries));
	}

}
