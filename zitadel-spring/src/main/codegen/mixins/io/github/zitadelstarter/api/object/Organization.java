package io.github.zitadelstarter.api.object;

import org.jspecify.annotations.Nullable;

/**
 * The organization a request acts in, by its id or by one of its domains
 * ({@code zitadel.object.v2.Organization}); exactly one is set.
 *
 * @param orgId the organization's id
 * @param orgDomain one of the organization's domains
 */
final class Organization {


	/**
	 * The organization with the given id.
	 * @param orgId the organization's id
	 * @return the organization
	 */
	public static Organization ofId(String orgId) {
		return new Organization(orgId, null);
	}

	/**
	 * The organization with the given domain.
	 * @param orgDomain one of the organization's domains
	 * @return the organization
	 */
	public static Organization ofDomain(String orgDomain) {
		return new Organization(null, orgDomain);
	}

}
