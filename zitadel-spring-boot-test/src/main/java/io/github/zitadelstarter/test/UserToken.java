package io.github.zitadelstarter.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user's access token that {@link LocalZitadel} issues for a test, as ZITADEL would issue
 * it to an application that the user logged in to: opaque (ZITADEL's default) or a JWT,
 * for a user of an organization, with the roles the test names. Start with
 * {@link LocalZitadel#userToken(String)}.
 */
public final class UserToken {

	private final LocalZitadel zitadel;

	private final UserTokens tokens;

	private final String userId;

	private String organizationId;

	private final Map<String, Map<String, String>> roles = new LinkedHashMap<>();

	private final List<String> audience = new ArrayList<>();

	private Duration lifetime = Duration.ofHours(12);

	UserToken(LocalZitadel zitadel, UserTokens tokens, String userId) {
		this.zitadel = zitadel;
		this.tokens = tokens;
		this.userId = Objects.requireNonNull(userId, "userId");
		this.organizationId = zitadel.organizationId();
	}

	/**
	 * The user's own organization ({@code urn:zitadel:iam:user:resourceowner:id}); the local
	 * ZITADEL's organization by default.
	 * @param organizationId the organization's id
	 * @return this
	 */
	public UserToken organization(String organizationId) {
		this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
		return this;
	}

	/**
	 * A role of the API's project, granted in the user's own organization.
	 * @param role the role key
	 * @return this
	 */
	public UserToken role(String role) {
		return role(role, this.organizationId);
	}

	/**
	 * A role of the API's project, granted in the given organization.
	 * @param role the role key
	 * @param organizationId the organization the role was granted in
	 * @return this
	 */
	public UserToken role(String role, String organizationId) {
		this.roles.computeIfAbsent(role, (key) -> new LinkedHashMap<>())
			.put(organizationId, organizationId + ".localhost");
		return this;
	}

	/**
	 * The token's audience instead of the API project's id and the API application's
	 * client id, such as another project's id.
	 * @param audience the audience
	 * @return this
	 */
	public UserToken audience(String... audience) {
		this.audience.clear();
		this.audience.addAll(List.of(audience));
		return this;
	}

	/**
	 * How long the token lives from now; zero or negative for a token that has already
	 * expired.
	 * @param lifetime the lifetime
	 * @return this
	 */
	public UserToken lifetime(Duration lifetime) {
		this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
		return this;
	}

	/**
	 * Issues the token as ZITADEL does by default: an opaque string, checked by
	 * introspection.
	 * @return the access token
	 */
	public String opaque() {
		return this.tokens.issueOpaque(claims(), this.lifetime);
	}

	/**
	 * Issues the token as a JWT signed with the instance's key, which
	 * {@code /oauth/v2/keys} serves.
	 * @return the access token
	 */
	public String jwt() {
		return this.tokens.issueJwt(claims(), this.lifetime);
	}

	private Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", this.userId);
		claims.put("aud", this.audience.isEmpty()
				? List.of(this.zitadel.apiProjectId(), this.zitadel.apiClientId()) : List.copyOf(this.audience));
		claims.put("client_id", this.zitadel.apiClientId());
		claims.put("scope", "openid profile urn:zitadel:iam:user:resourceowner");
		claims.put("urn:zitadel:iam:user:resourceowner:id", this.organizationId);
		if (!this.roles.isEmpty()) {
			Map<String, Object> roles = new LinkedHashMap<>(this.roles);
			claims.put("urn:zitadel:iam:org:project:roles", roles);
			claims.put("urn:zitadel:iam:org:project:" + this.zitadel.apiProjectId() + ":roles", roles);
		}
		return claims;
	}

}
