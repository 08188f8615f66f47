package io.github.zitadelstarter.api.organization;

import java.util.List;

import io.github.zitadelstarter.api.object.Details;
import org.jspecify.annotations.Nullable;

/**
 * The organization created ({@code zitadel.org.v2.AddOrganizationResponse}).
 *
 * @param details when it was created
 * @param organizationId the new organization's id
 * @param createdAdmins the admins created with it
 */
public record AddOrganizationResponse(@Nullable Details details, @Nullable String organizationId,
		List<CreatedAdmin> createdAdmins) {

	public AddOrganizationResponse {
		createdAdmins = (createdAdmins != null) ? List.copyOf(createdAdmins) : List.of();
	}

}
