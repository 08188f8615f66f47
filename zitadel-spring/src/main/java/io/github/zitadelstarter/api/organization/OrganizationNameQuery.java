package io.github.zitadelstarter.api.organization;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Organizations by name ({@code zitadel.org.v2.OrganizationNameQuery}).
 *
 * @param name the name
 * @param method how it is compared; equals if absent
 */
public record OrganizationNameQuery(String name, @Nullable TextQueryMethod method) {

}
