package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import io.github.zitadelstarter.api.metadata.MetadataKeyFilter;
import io.github.zitadelstarter.api.metadata.MetadataValueFilter;
import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * A criterion of a user list ({@code zitadel.user.v2.SearchQuery}); exactly one is set. The static
 * methods make the common ones.
 *
 * @param userNameQuery by user name
 * @param firstNameQuery by given name
 * @param lastNameQuery by family name
 * @param nickNameQuery by nick name
 * @param displayNameQuery by display name
 * @param emailQuery by email address
 * @param stateQuery by state
 * @param typeQuery by type, human or machine
 * @param loginNameQuery by login name
 * @param inUserIdsQuery by id, one of several
 * @param orQuery any of several criteria
 * @param andQuery all of several criteria
 * @param notQuery not a criterion
 * @param inUserEmailsQuery by email address, one of several
 * @param organizationIdQuery by organization
 * @param phoneQuery by phone number
 * @param metadataKeyFilter by the key of a metadata entry
 * @param metadataValueFilter by the value of a metadata entry
 */
final class SearchQuery {


	private static SearchQuery empty() {
		return new SearchQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	/**
	 * Users with this user name.
	 * @param userName the user name
	 * @return the query
	 */
	public static SearchQuery userName(String userName) {
		return userName(userName, TextQueryMethod.TEXT_QUERY_METHOD_EQUALS);
	}

	/**
	 * Users whose user name matches the given way.
	 * @param userName the user name
	 * @param method how it is compared
	 * @return the query
	 */
	public static SearchQuery userName(String userName, TextQueryMethod method) {
		return empty().with(new UserNameQuery(userName, method));
	}

	/**
	 * Users with this email address.
	 * @param email the address
	 * @return the query
	 */
	public static SearchQuery email(String email) {
		return email(email, TextQueryMethod.TEXT_QUERY_METHOD_EQUALS);
	}

	/**
	 * Users whose email address matches the given way.
	 * @param email the address
	 * @param method how it is compared
	 * @return the query
	 */
	public static SearchQuery email(String email, TextQueryMethod method) {
		return empty().with(new EmailQuery(email, method));
	}

	/**
	 * Users whose display name matches the given way.
	 * @param displayName the display name
	 * @param method how it is compared
	 * @return the query
	 */
	public static SearchQuery displayName(String displayName, TextQueryMethod method) {
		return empty().with(new DisplayNameQuery(displayName, method));
	}

	/**
	 * Users whose login name matches the given way.
	 * @param loginName the login name
	 * @param method how it is compared
	 * @return the query
	 */
	public static SearchQuery loginName(String loginName, TextQueryMethod method) {
		return empty().with(new LoginNameQuery(loginName, method));
	}

	/**
	 * Users of a type.
	 * @param type human or machine
	 * @return the query
	 */
	public static SearchQuery type(Type type) {
		return empty().with(new TypeQuery(type));
	}

	/**
	 * Users in a state.
	 * @param state the state
	 * @return the query
	 */
	public static SearchQuery state(UserState state) {
		return empty().with(new StateQuery(state));
	}

	/**
	 * Users of an organization.
	 * @param organizationId the organization's id
	 * @return the query
	 */
	public static SearchQuery organizationId(String organizationId) {
		return empty().with(new OrganizationIdQuery(organizationId));
	}

	/**
	 * Users with one of these ids.
	 * @param userIds the ids
	 * @return the query
	 */
	public static SearchQuery inUserIds(String... userIds) {
		return empty().with(new InUserIDQuery(List.of(userIds)));
	}

	/**
	 * Users with a metadata entry of this key.
	 * @param key the key
	 * @return the query
	 */
	public static SearchQuery metadataKey(String key) {
		return empty().with(new MetadataKeyFilter(key, TextFilterMethod.TEXT_FILTER_METHOD_EQUALS));
	}

	/**
	 * Users matching any of the queries.
	 * @param queries the queries
	 * @return the query
	 */
	public static SearchQuery or(SearchQuery... queries) {
		return empty().with(new OrQuery(List.of(queries)));
	}

	/**
	 * Users matching all of the queries.
	 * @param queries the queries
	 * @return the query
	 */
	public static SearchQuery and(SearchQuery... queries) {
		return empty().with(new AndQuery(List.of(queries)));
	}

	/**
	 * Users not matching the query.
	 * @param query the query
	 * @return the query
	 */
	public static SearchQuery not(SearchQuery query) {
		return empty().with(new NotQuery(query));
	}

	// One alternative of the oneof, the others absent.
	private SearchQuery with(Object alternative) {
		return new SearchQuery(as(alternative, UserNameQuery.class), as(alternative, FirstNameQuery.class),
				as(alternative, LastNameQuery.class), as(alternative, NickNameQuery.class),
				as(alternative, DisplayNameQuery.class), as(alternative, EmailQuery.class),
				as(alternative, StateQuery.class), as(alternative, TypeQuery.class),
				as(alternative, LoginNameQuery.class), as(alternative, InUserIDQuery.class),
				as(alternative, OrQuery.class), as(alternative, AndQuery.class), as(alternative, NotQuery.class),
				as(alternative, InUserEmailsQuery.class), as(alternative, OrganizationIdQuery.class),
				as(alternative, PhoneQuery.class), as(alternative, MetadataKeyFilter.class),
				as(alternative, MetadataValueFilter.class));
	}

	private static <T> @Nullable T as(Object alternative, Class<T> type) {
		return type.isInstance(alternative) ? type.cast(alternative) : null;
	}

}
