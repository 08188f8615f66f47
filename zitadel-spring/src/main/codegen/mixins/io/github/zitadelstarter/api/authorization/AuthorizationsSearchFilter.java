package io.github.zitadelstarter.api.authorization;

import io.github.zitadelstarter.api.filter.IDFilter;
import io.github.zitadelstarter.api.filter.InIDsFilter;
import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * One criterion of an authorization search; exactly one component is set (a proto
 * {@code oneof}), which the factory methods ensure.
 *
 * @param authorizationIds authorizations with one of some ids
 * @param organizationId authorizations that belong to an organization
 * @param state authorizations in a state
 * @param inUserIds authorizations of one of some users
 * @param userOrganizationId authorizations of the users of an organization
 * @param userPreferredLoginName authorizations by their user's preferred login name
 * @param userDisplayName authorizations by their user's display name
 * @param projectId authorizations for a project, those on its grants included
 * @param projectName authorizations by project name, those on grants included
 * @param roleKey authorizations that grant a role
 * @param projectGrantId authorizations given under a project grant
 */
final class AuthorizationsSearchFilter {


	/**
	 * Authorizations with one of the given ids.
	 * @param ids the authorization ids
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter authorizationIds(String... ids) {
		return new AuthorizationsSearchFilter(InIDsFilter.of(ids), null, null, null, null, null, null, null, null,
				null, null);
	}

	/**
	 * Authorizations that belong to the given organization.
	 * @param organizationId the organization's id
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter organizationId(String organizationId) {
		return new AuthorizationsSearchFilter(null, IDFilter.of(organizationId), null, null, null, null, null, null,
				null, null, null);
	}

	/**
	 * Authorizations in the given state.
	 * @param state the state, not {@link State#STATE_UNSPECIFIED}
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter state(State state) {
		return new AuthorizationsSearchFilter(null, null, new StateQuery(state), null, null, null, null, null, null,
				null, null);
	}

	/**
	 * Authorizations of the given users.
	 * @param userIds the users' ids
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter inUserIds(String... userIds) {
		return new AuthorizationsSearchFilter(null, null, null, InIDsFilter.of(userIds), null, null, null, null, null,
				null, null);
	}

	/**
	 * Authorizations of the users of the given organization.
	 * @param organizationId the users' organization's id
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter userOrganizationId(String organizationId) {
		return new AuthorizationsSearchFilter(null, null, null, null, IDFilter.of(organizationId), null, null, null,
				null, null, null);
	}

	/**
	 * Authorizations whose user's preferred login name compares as the method says.
	 * @param loginName the login name
	 * @param method how it is compared
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter userPreferredLoginName(String loginName, TextFilterMethod method) {
		return new AuthorizationsSearchFilter(null, null, null, null, null,
				new UserPreferredLoginNameQuery(loginName, method), null, null, null, null, null);
	}

	/**
	 * Authorizations whose user's display name compares as the method says.
	 * @param displayName the display name
	 * @param method how it is compared
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter userDisplayName(String displayName, TextFilterMethod method) {
		return new AuthorizationsSearchFilter(null, null, null, null, null, null,
				new UserDisplayNameQuery(displayName, method), null, null, null, null);
	}

	/**
	 * Authorizations for the given project, those on its grants included.
	 * @param projectId the project's id
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter projectId(String projectId) {
		return new AuthorizationsSearchFilter(null, null, null, null, null, null, null, IDFilter.of(projectId), null,
				null, null);
	}

	/**
	 * Authorizations for projects whose name compares as the method says.
	 * @param name the project name
	 * @param method how it is compared
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter projectName(String name, TextFilterMethod method) {
		return new AuthorizationsSearchFilter(null, null, null, null, null, null, null, null,
				new ProjectNameQuery(name, method), null, null);
	}

	/**
	 * Authorizations that grant a role with exactly this key.
	 * @param key the role key
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter roleKey(String key) {
		return roleKey(key, TextFilterMethod.TEXT_FILTER_METHOD_EQUALS);
	}

	/**
	 * Authorizations that grant a role whose key compares as the method says.
	 * @param key the role key
	 * @param method how it is compared
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter roleKey(String key, TextFilterMethod method) {
		return new AuthorizationsSearchFilter(null, null, null, null, null, null, null, null, null,
				new RoleKeyQuery(key, method), null);
	}

	/**
	 * Authorizations given under the given project grant.
	 * @param projectGrantId the project grant's id
	 * @return the filter
	 */
	public static AuthorizationsSearchFilter projectGrantId(String projectGrantId) {
		return new AuthorizationsSearchFilter(null, null, null, null, null, null, null, null, null, null,
				IDFilter.of(projectGrantId));
	}

}
