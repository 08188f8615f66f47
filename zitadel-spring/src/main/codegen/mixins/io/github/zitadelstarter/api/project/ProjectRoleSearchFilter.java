package io.github.zitadelstarter.api.project;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * One criterion of a project role search; exactly one component is set (a proto
 * {@code oneof}), which the factory methods ensure.
 *
 * @param roleKeyFilter roles with a key
 * @param displayNameFilter roles with a display name
 */
final class ProjectRoleSearchFilter {


	/**
	 * Roles whose key compares to the given one as the method says.
	 * @param key the key
	 * @param method how the key is compared
	 * @return the filter
	 */
	public static ProjectRoleSearchFilter roleKey(String key, TextFilterMethod method) {
		return new ProjectRoleSearchFilter(new ProjectRoleKeyFilter(key, method), null);
	}

	/**
	 * Roles whose display name compares to the given one as the method says.
	 * @param displayName the display name
	 * @param method how the display name is compared
	 * @return the filter
	 */
	public static ProjectRoleSearchFilter displayName(String displayName, TextFilterMethod method) {
		return new ProjectRoleSearchFilter(null, new ProjectRoleDisplayNameFilter(displayName, method));
	}

}
