package io.github.zitadelstarter.api.organization;

import java.util.List;

import io.github.zitadelstarter.api.object.ListDetails;
import org.jspecify.annotations.Nullable;

/**
 * A page of organizations ({@code zitadel.org.v2.ListOrganizationsResponse}).
 *
 * @param details how many organizations match in all
 * @param sortingColumn the field the list is sorted by
 * @param result the organizations of this page
 */
public record ListOrganizationsResponse(@Nullable ListDetails details, @Nullable OrganizationFieldName sortingColumn,
		List<Organization> result) {

	public ListOrganizationsResponse {
		result = (result != null) ? List.copyOf(result) : List.of();
	}

	/**
	 * How many organizations match in all, over every page.
	 * @return the total, 0 if ZITADEL gave none
	 */
	public long totalResult() {
		return ListDetails.totalResult(this.details);
	}

}
