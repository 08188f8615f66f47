package io.github.zitadelstarter.api.organization;

import io.github.zitadelstarter.api.object.Details;
import org.jspecify.annotations.Nullable;

/**
 * An organization ({@code zitadel.org.v2.Organization}).
 *
 * @param id the id
 * @param details when it was created and changed
 * @param state the state
 * @param name the name
 * @param primaryDomain the domain used for its users' login names
 */
public record Organization(@Nullable String id, @Nullable Details details, @Nullable OrganizationState state,
		@Nullable String name, @Nullable String primaryDomain) {

}
