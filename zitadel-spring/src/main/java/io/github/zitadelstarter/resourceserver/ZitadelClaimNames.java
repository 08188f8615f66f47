package io.github.zitadelstarter.resourceserver;

/**
 * The names of ZITADEL's own claims in access tokens and introspection answers.
 */
public final class ZitadelClaimNames {

	/** The user's roles of the project the token was asked for: {@code {"role": {"orgId": "domain"}}}. */
	public static final String PROJECT_ROLES = "urn:zitadel:iam:org:project:roles";

	/** Prefix of the per-project roles claim {@code urn:zitadel:iam:org:project:{projectId}:roles}. */
	public static final String PROJECT_ROLES_PREFIX = "urn:zitadel:iam:org:project:";

	/** Suffix of the per-project roles claim. */
	public static final String PROJECT_ROLES_SUFFIX = ":roles";

	/** The id of the user's own organization. */
	public static final String RESOURCE_OWNER_ID = "urn:zitadel:iam:user:resourceowner:id";

	/** The name of the user's own organization. */
	public static final String RESOURCE_OWNER_NAME = "urn:zitadel:iam:user:resourceowner:name";

	/** The primary domain of the user's own organization. */
	public static final String RESOURCE_OWNER_PRIMARY_DOMAIN = "urn:zitadel:iam:user:resourceowner:primary_domain";

	private ZitadelClaimNames() {
	}

	/**
	 * The roles claim of one project.
	 * @param projectId the project's id
	 * @return {@code urn:zitadel:iam:org:project:{projectId}:roles}
	 */
	public static String projectRoles(String projectId) {
		return PROJECT_ROLES_PREFIX + projectId + PROJECT_ROLES_SUFFIX;
	}

}
