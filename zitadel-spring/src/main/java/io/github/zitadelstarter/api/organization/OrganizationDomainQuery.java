package io.github.zitadelstarter.api.organization;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Organizations by domain ({@code zitadel.org.v2.OrganizationDomainQuery}).
 *
 * @param domain the domain
 * @param method how it is compared; equals if absent
 */
public record OrganizationDomainQuery(String domain, @Nullable TextQueryMethod method) {

}
