package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * The one organization the local ZITADEL knows and its users, rendered as ZITADEL's v1 and
 * v2 REST APIs render them.
 */
final class Directory {

	/** The scope that asks for the user's organization in userinfo and tokens. */
	static final String RESOURCE_OWNER_SCOPE = "urn:zitadel:iam:user:resourceowner";

	private final String organizationId;

	private final String organizationName;

	private final String primaryDomain;

	private final Instant created;

	private final List<User> users = new CopyOnWriteArrayList<>();

	Directory(String organizationId, String organizationName, Instant created) {
		this.organizationId = organizationId;
		this.organizationName = organizationName;
		this.primaryDomain = organizationName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
				+ ".localhost";
		this.created = created;
	}

	/** An 18-digit id like ZITADEL's snowflake-like ids. */
	static String newId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(200_000_000_000_000_000L, 400_000_000_000_000_000L));
	}

	void addMachine(String id, String userName, String name, String description) {
		this.users.add(new User(id, userName, null, null, name, description, false));
	}

	String addHuman(String userName, String givenName, String familyName, boolean added) {
		String id = newId();
		this.users.add(new User(id, userName, givenName, familyName, null, null, added));
		return id;
	}

	/** Removes the users a test added. */
	void removeAdded() {
		this.users.removeIf(User::added);
	}

	String organizationId() {
		return this.organizationId;
	}

	String organizationName() {
		return this.organizationName;
	}

	Instant created() {
		return this.created;
	}

	/** The users, the service user first, then in the order they were added. */
	List<User> users() {
		return List.copyOf(this.users);
	}

	/** Adds or replaces a user that a v2 RPC created or changed; {@link #removeAdded()} removes it. */
	void put(User user) {
		for (int i = 0; i < this.users.size(); i++) {
			if (this.users.get(i).id().equals(user.id())) {
				this.users.set(i, user);
				return;
			}
		}
		this.users.add(user);
	}

	/** Removes a user that a test or a v2 RPC added. */
	void remove(String id) {
		this.users.removeIf((user) -> user.added() && user.id().equals(id));
	}

	String primaryDomain() {
		return this.primaryDomain;
	}

	@Nullable User user(String id) {
		return this.users.stream().filter((user) -> user.id().equals(id)).findFirst().orElse(null);
	}

	/** {@code GET /auth/v1/users/me}. */
	Map<String, Object> v1Me(String userId) {
		return map("details", details("3"), "user", v1User(user(userId)));
	}

	/**
	 * {@code GET /oidc/v1/userinfo} (OpenID Connect): who the token's user is, as far as the
	 * token's scopes allow, as ZITADEL's {@code userInfoToOIDC} has it: {@code sub} always, the
	 * profile claims with {@code profile}, the organization's claims with
	 * {@value #RESOURCE_OWNER_SCOPE}.
	 */
	Map<String, Object> userInfo(String userId, List<String> scopes) {
		Map<String, Object> claims = map("sub", userId);
		User user = user(userId);
		if (user != null && scopes.contains("profile")) {
			if (user.machineName() != null) {
				claims.put("name", user.machineName());
			}
			else {
				claims.put("name", user.displayName());
				claims.put("given_name", user.givenName());
				claims.put("family_name", user.familyName());
			}
			claims.put("preferred_username", loginName(user));
			claims.put("updated_at", this.created.getEpochSecond());
		}
		if (scopes.contains(RESOURCE_OWNER_SCOPE)) {
			claims.put(RESOURCE_OWNER_SCOPE + ":id", this.organizationId);
			claims.put(RESOURCE_OWNER_SCOPE + ":name", this.organizationName);
			claims.put(RESOURCE_OWNER_SCOPE + ":primary_domain", this.primaryDomain);
		}
		return claims;
	}

	/** {@code GET /management/v1/orgs/me}, {@code GET /admin/v1/orgs/default}. */
	Map<String, Object> v1Organization() {
		return map("org", map("id", this.organizationId, "details", details("1"), "state", "ORG_STATE_ACTIVE", "name",
				this.organizationName, "primaryDomain", this.primaryDomain));
	}

	/** {@code POST /management/v1/users/_search}. */
	Map<String, Object> v1Search() {
		List<Object> result = this.users.stream().map((user) -> (Object) v1User(user)).toList();
		return map("details", map("totalResult", Integer.toString(result.size()), "viewTimestamp",
				this.created.toString()), "result", result);
	}

	/** {@code GET /v2/users/{userId}}. */
	Map<String, Object> v2User(User user) {
		return map("details", details("2"), "user", v2(user));
	}

	/** {@code POST /v2/users}. */
	Map<String, Object> v2List() {
		List<Object> result = this.users.stream().map((user) -> (Object) v2(user)).toList();
		return map("details", map("totalResult", Integer.toString(result.size()), "timestamp",
				this.created.toString()), "sortingColumn", "USER_FIELD_NAME_UNSPECIFIED", "result", result);
	}

	private Map<String, Object> v1User(@Nullable User user) {
		if (user == null) {
			return Map.of();
		}
		Map<String, Object> json = map("id", user.id(), "details", details("3"), "state", "USER_STATE_ACTIVE",
				"userName", user.userName(), "loginNames", List.of(loginName(user)), "preferredLoginName",
				loginName(user));
		if (user.givenName() != null) {
			json.put("human", map("profile", map("firstName", user.givenName(), "lastName", user.familyName(),
					"displayName", user.displayName(), "preferredLanguage", "en", "gender", "GENDER_UNSPECIFIED"),
					"email", map("email", loginName(user), "isEmailVerified", true), "phone", map()));
		}
		else {
			json.put("machine", map("name", user.machineName(), "description", user.description(), "hasSecret", true,
					"accessTokenType", "ACCESS_TOKEN_TYPE_BEARER"));
		}
		return json;
	}

	private Map<String, Object> v2(User user) {
		Map<String, Object> json = map("userId", user.id(), "details", details("2"), "state", "USER_STATE_ACTIVE",
				"username", user.userName(), "loginNames", List.of(loginName(user)), "preferredLoginName",
				loginName(user));
		if (user.givenName() != null) {
			json.put("human", map("profile", map("givenName", user.givenName(), "familyName", user.familyName(),
					"displayName", user.displayName(), "preferredLanguage", "en", "gender", "GENDER_UNSPECIFIED"),
					"email", map("email", loginName(user), "isVerified", true), "phone", map()));
		}
		else {
			json.put("machine", map("name", user.machineName(), "description", user.description(), "hasSecret", true,
					"accessTokenType", "ACCESS_TOKEN_TYPE_BEARER"));
		}
		return json;
	}

	private Map<String, Object> details(String sequence) {
		return map("sequence", sequence, "creationDate", this.created.toString(), "changeDate",
				this.created.toString(), "resourceOwner", this.organizationId);
	}

	private String loginName(User user) {
		return user.userName() + "@" + this.primaryDomain;
	}

	private static Map<String, Object> map(@Nullable Object... entries) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			map.put((String) entries[i], entries[i + 1]);
		}
		return map;
	}

	record User(String id, String userName, @Nullable String givenName, @Nullable String familyName,
			@Nullable String machineName, @Nullable String description, boolean added) {

		String displayName() {
			return this.givenName + " " + this.familyName;
		}

	}

}
