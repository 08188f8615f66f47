package io.github.zitadelstarter.api;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * What a {@code permission_denied} means for the service user: the permission the RPC needs,
 * learnt from the typed clients' {@link RequiredPermission} as they are created, and the
 * built-in ZITADEL manager roles that grant it.
 */
final class ZitadelPermissions {

	private final Map<String, String> permissionByRpc = new ConcurrentHashMap<>();

	/**
	 * Learns the permissions of a typed client interface's RPCs.
	 * @param type the interface
	 */
	void learn(Class<?> type) {
		for (Method method : type.getMethods()) {
			String rpc = rpc(type, method);
			RequiredPermission permission = method.getAnnotation(RequiredPermission.class);
			if (rpc != null && permission != null) {
				this.permissionByRpc.put(rpc, permission.value());
			}
		}
	}

	/** The RPC a method calls: the type's URL, the method's, without the leading slash. */
	static @Nullable String rpc(Class<?> type, Method method) {
		HttpExchange service = AnnotatedElementUtils.findMergedAnnotation(type, HttpExchange.class);
		HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
		if (service == null || exchange == null) {
			return null;
		}
		return (service.url() + exchange.url()).substring(1);
	}

	@Nullable String permission(String rpc) {
		return this.permissionByRpc.get(rpc);
	}

	/**
	 * What to tell a person about a {@code permission_denied}.
	 * @param permission the permission the RPC needs, if known
	 * @return the hint
	 */
	static String hint(@Nullable String permission) {
		if (permission == null) {
			return "The service user probably lacks a manager role for this call: grant it one in ZITADEL"
					+ " (organization or instance managers).";
		}
		return "The service user probably lacks a role that grants the permission '" + permission + "': grant it "
				+ roles(permission) + " in ZITADEL.";
	}

	// The least powerful built-in roles that grant a permission, then the instance's
	// (InternalAuthZ.RolePermissionMappings of ZITADEL's cmd/defaults.yaml).
	private static final Map<String, String> ROLES = Map.ofEntries(
			Map.entry("user.read", "ORG_USER_MANAGER or ORG_OWNER_VIEWER on the organization, or IAM_OWNER_VIEWER"),
			Map.entry("user.write", "ORG_USER_MANAGER or ORG_OWNER on the organization, or IAM_USER_MANAGER"),
			Map.entry("user.delete", "ORG_USER_MANAGER or ORG_OWNER on the organization, or IAM_USER_MANAGER"),
			Map.entry("user.credential.write",
					"ORG_OWNER on the organization (user managers lack it), or IAM_ORG_MANAGER or IAM_OWNER"),
			Map.entry("org.create", "IAM_ORG_MANAGER or IAM_OWNER on the instance (an ORG_OWNER lacks it)"),
			Map.entry("org.read", "ORG_OWNER_VIEWER on the organization, or IAM_OWNER_VIEWER"),
			Map.entry("org.write", "ORG_SETTINGS_MANAGER or ORG_OWNER on the organization, or IAM_ORG_MANAGER"),
			Map.entry("org.delete", "ORG_OWNER on the organization, or IAM_ORG_MANAGER"),
			Map.entry("project.create", "ORG_PROJECT_CREATOR or ORG_OWNER on the organization, or IAM_ORG_MANAGER"),
			Map.entry("project.read", "PROJECT_OWNER_VIEWER on the project, ORG_OWNER_VIEWER, or IAM_OWNER_VIEWER"),
			Map.entry("project.role.read",
					"PROJECT_OWNER_VIEWER on the project, ORG_OWNER_VIEWER, or IAM_OWNER_VIEWER"),
			Map.entry("project.grant.read",
					"PROJECT_OWNER_VIEWER on the project, ORG_OWNER_VIEWER, or IAM_OWNER_VIEWER"),
			// What the proto documents for CreateProjectGrant; no built-in role names it, those
			// that grant project.grant.write are the ones to give.
			Map.entry("project.grant.create",
					"PROJECT_OWNER on the project, ORG_PROJECT_PERMISSION_EDITOR or ORG_OWNER, or IAM_ORG_MANAGER"),
			Map.entry("project.grant.write",
					"PROJECT_OWNER on the project, ORG_PROJECT_PERMISSION_EDITOR or ORG_OWNER, or IAM_ORG_MANAGER"),
			Map.entry("project.grant.delete",
					"PROJECT_OWNER on the project, ORG_PROJECT_PERMISSION_EDITOR or ORG_OWNER, or IAM_ORG_MANAGER"),
			Map.entry("user.grant.read", "PROJECT_OWNER_VIEWER on the project, ORG_OWNER_VIEWER, or IAM_OWNER_VIEWER"),
			Map.entry("user.grant.write", "PROJECT_OWNER on the project, ORG_USER_PERMISSION_EDITOR or "
					+ "ORG_USER_MANAGER on the organization, or IAM_USER_MANAGER"),
			Map.entry("user.grant.delete", "PROJECT_OWNER on the project, ORG_USER_PERMISSION_EDITOR or "
					+ "ORG_USER_MANAGER on the organization, or IAM_USER_MANAGER"));

	private static String roles(String permission) {
		String roles = ROLES.get(permission);
		if (roles != null) {
			return roles;
		}
		if (permission.startsWith("project.")) {
			// project.write, project.delete, project.role.write, project.role.delete
			return "PROJECT_OWNER on the project, ORG_OWNER on the organization, or IAM_ORG_MANAGER";
		}
		return "a manager role that includes it (ZITADEL's documentation lists the roles of each permission)";
	}

}
