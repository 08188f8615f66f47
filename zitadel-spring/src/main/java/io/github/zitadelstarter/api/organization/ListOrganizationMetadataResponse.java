package io.github.zitadelstarter.api.organization;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationResponse;
import org.jspecify.annotations.Nullable;

/**
 * A page of an organization's metadata ({@code zitadel.org.v2.ListOrganizationMetadataResponse}).
 *
 * @param pagination how many entries match in all
 * @param metadata the entries of this page
 */
public record ListOrganizationMetadataResponse(@Nullable PaginationResponse pagination,
		List<io.github.zitadelstarter.api.metadata.Metadata> metadata) {

	public ListOrganizationMetadataResponse {
		metadata = (metadata != null) ? List.copyOf(metadata) : List.of();
	}

	/**
	 * How many entries match in all, over every page.
	 * @return the total, 0 if ZITADEL gave none
	 */
	public long totalResult() {
		return PaginationResponse.totalResult(this.pagination);
	}

}
