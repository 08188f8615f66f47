package io.github.zitadelstarter.api.organization;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * A criterion of an organization list ({@code zitadel.org.v2.SearchQuery}); exactly one is set.
 *
 * @param nameQuery by name
 * @param domainQuery by domain, not only the primary one
 * @param stateQuery by state
 * @param idQuery by id
 * @param defaultQuery the instance's default organization
 */
final class SearchQuery {


	/**
	 * Organizations with this name.
	 * @param name the name
	 * @return the query
	 */
	public static SearchQuery name(String name) {
		return name(name, TextQueryMethod.TEXT_QUERY_METHOD_EQUALS);
	}

	/**
	 * Organizations whose name matches the given way.
	 * @param name the name
	 * @param method how it is compared
	 * @return the query
	 */
	public static SearchQuery name(String name, TextQueryMethod method) {
		return new SearchQuery(new OrganizationNameQuery(name, method), null, null, null, null);
	}

	/**
	 * Organizations with a domain matching the given way.
	 * @param domain the domain
	 * @param method how it is compared
	 * @return the query
	 */
	public static SearchQuery domain(String domain, TextQueryMethod method) {
		return new SearchQuery(null, new OrganizationDomainQuery(domain, method), null, null, null);
	}

	/**
	 * Organizations in a state.
	 * @param state the state
	 * @return the query
	 */
	public static SearchQuery state(OrganizationState state) {
		return new SearchQuery(null, null, new OrganizationStateQuery(state), null, null);
	}

	/**
	 * The organization with an id.
	 * @param id the id
	 * @return the query
	 */
	public static SearchQuery id(String id) {
		return new SearchQuery(null, null, null, new OrganizationIDQuery(id), null);
	}

	/**
	 * The instance's default organization.
	 * @return the query
	 */
	public static SearchQuery defaultOrganization() {
		return new SearchQuery(null, null, null, null, new DefaultOrganizationQuery());
	}

}
