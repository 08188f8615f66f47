package io.github.zitadelstarter.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * ZITADEL's authorization service ({@code zitadel.authorization.v2.AuthorizationService}) as
 * the local ZITADEL serves it: authorizations (role assignments, formerly "user grants") of a
 * user to roles of a project, in the organization that owns the project or one it is granted
 * to. An authorization is checked as ZITADEL checks it: the user, the project and the
 * organization must exist, the organization must own the project or have a grant of it, and
 * every role must be one of the project's (or of the grant's); otherwise the answer is
 * {@code failed_precondition}. Changing an authorization that does not exist is
 * {@code not_found}; deleting one succeeds.
 */
final class LocalAuthorizationService {

	static final String SERVICE = "zitadel.authorization.v2.AuthorizationService";

	private final LocalState state;

	LocalAuthorizationService(LocalState state) {
		this.state = state;
	}

	void register(ConnectRpcs rpcs) {
		rpcs.add(SERVICE, "CreateAuthorization", "user.grant.write", this::createAuthorization);
		rpcs.add(SERVICE, "ListAuthorizations", "user.grant.read", this::listAuthorizations);
		rpcs.add(SERVICE, "UpdateAuthorization", "user.grant.write", this::updateAuthorization);
		rpcs.add(SERVICE, "ActivateAuthorization", "user.grant.write",
				(request, context) -> setActive(request, context, true));
		rpcs.add(SERVICE, "DeactivateAuthorization", "user.grant.write",
				(request, context) -> setActive(request, context, false));
		rpcs.add(SERVICE, "DeleteAuthorization", "user.grant.delete", this::deleteAuthorization);
	}

	private Map<String, Object> createAuthorization(Map<String, Object> request, RpcContext context) {
		String userId = LocalFilters.requireText(request, "userId");
		String projectId = LocalFilters.requireText(request, "projectId");
		String organizationId = LocalFilters.requireText(request, "organizationId");
		List<String> roleKeys = roleKeys(request);
		synchronized (this.state) {
			if (this.state.user(userId) == null) {
				throw ConnectError.failedPrecondition("User could not be found (COMMAND-4f8sg)");
			}
			LocalProject project = LocalProjectService.project(this.state, projectId);
			if (project == null) {
				throw ConnectError.failedPrecondition("Project not found (COMMAND-m9gsd)");
			}
			if (!this.state.organizationExists(organizationId)) {
				throw ConnectError.failedPrecondition("Organisation not found (COMMAND-3m9gg)");
			}
			LocalProject.Grant grant = null;
			if (!project.organizationId.equals(organizationId)) {
				grant = project.grants.get(organizationId);
				if (grant == null) {
					throw ConnectError.failedPrecondition("Project grant not found (COMMAND-huvKF)");
				}
			}
			requireRoles(project, grant, roleKeys);
			String grantId = (grant != null) ? grant.id : null;
			boolean exists = this.state.authorizations().values().stream()
				.anyMatch((other) -> other.userId.equals(userId) && other.projectId.equals(projectId)
						&& other.organizationId.equals(organizationId));
			if (exists) {
				throw ConnectError.alreadyExists("User grant already exists (COMMAND-J8sfw)");
			}
			LocalAuthorization authorization = new LocalAuthorization(context.newId(), userId, projectId,
					organizationId, grantId, roleKeys, context.now());
			this.state.authorizations().put(authorization.id, authorization);
			return LocalProjectService.map("id", authorization.id, "creationDate",
					LocalJson.timestamp(authorization.creationDate));
		}
	}

	private Map<String, Object> listAuthorizations(Map<String, Object> request, RpcContext context) {
		LocalFilters.Page page = LocalFilters.page(request);
		String sortingColumn = LocalFilters.enumValue(request, "sortingColumn");
		List<Predicate<View>> filters = new ArrayList<>();
		for (Map<String, Object> filter : LocalJson.objects(request, "filters")) {
			filters.add(filter(filter));
		}
		Comparator<View> order = switch ((sortingColumn != null) ? sortingColumn : "") {
			case "AUTHORIZATION_FIELD_NAME_CHANGED_DATE" ->
				Comparator.comparing((view) -> view.authorization().changeDate);
			case "AUTHORIZATION_FIELD_NAME_ID" -> Comparator.comparing((view) -> view.authorization().id);
			case "AUTHORIZATION_FIELD_NAME_USER_ID" -> Comparator.comparing((view) -> view.authorization().userId);
			case "AUTHORIZATION_FIELD_NAME_PROJECT_ID" ->
				Comparator.comparing((view) -> view.authorization().projectId);
			case "AUTHORIZATION_FIELD_NAME_ORGANIZATION_ID" ->
				Comparator.comparing((view) -> view.authorization().organizationId);
			case "AUTHORIZATION_FIELD_NAME_USER_ORGANIZATION_ID" -> Comparator.comparing(View::userOrganizationId);
			default -> Comparator.comparing((view) -> view.authorization().creationDate);
		};
		synchronized (this.state) {
			List<View> matching = new ArrayList<>();
			for (LocalAuthorization authorization : this.state.authorizations().values()) {
				View view = view(authorization);
				// A user deleted since takes its authorizations along, as in ZITADEL.
				if (view != null && filters.stream().allMatch((f) -> f.test(view))) {
					matching.add(view);
				}
			}
			List<Object> authorizations = new ArrayList<>();
			for (View view : page.of(LocalFilters.sorted(matching, order, (view) -> view.authorization().sequence))) {
				authorizations.add(authorization(view));
			}
			return LocalProjectService.map("pagination", page.response(matching.size()), "authorizations",
					authorizations);
		}
	}

	private Map<String, Object> updateAuthorization(Map<String, Object> request, RpcContext context) {
		String id = LocalFilters.requireText(request, "id");
		List<String> roleKeys = roleKeys(request);
		synchronized (this.state) {
			LocalAuthorization authorization = existing(id);
			LocalProject project = Objects
				.requireNonNull(LocalProjectService.project(this.state, authorization.projectId));
			requireRoles(project, grantOf(project, authorization), roleKeys);
			if (!new HashSet<>(roleKeys).equals(new HashSet<>(authorization.roleKeys))) {
				authorization.roleKeys = new ArrayList<>(roleKeys);
				authorization.changeDate = context.now();
			}
			return LocalProjectService.map("changeDate", LocalJson.timestamp(authorization.changeDate));
		}
	}

	private Map<String, Object> setActive(Map<String, Object> request, RpcContext context, boolean active) {
		String id = LocalFilters.requireText(request, "id");
		synchronized (this.state) {
			LocalAuthorization authorization = existing(id);
			// Already in the state asked for: no error and the previous change date, as the
			// proto documents.
			if (authorization.active != active) {
				authorization.active = active;
				authorization.changeDate = context.now();
			}
			return LocalProjectService.map("changeDate", LocalJson.timestamp(authorization.changeDate));
		}
	}

	private Map<String, Object> deleteAuthorization(Map<String, Object> request, RpcContext context) {
		String id = LocalFilters.requireText(request, "id");
		synchronized (this.state) {
			if (this.state.authorizations().remove(id) == null) {
				// Deleted before, or never there: the desired state, so no error and no date.
				return LocalProjectService.map();
			}
			return LocalProjectService.map("deletionDate", LocalJson.timestamp(context.now()));
		}
	}

	// ---------------------------------------------------------------------------------

	private LocalAuthorization existing(String id) {
		LocalAuthorization authorization = this.state.authorizations().get(id);
		// Its user or project deleted since, it is gone with them, as in ZITADEL.
		if (authorization == null || view(authorization) == null) {
			throw ConnectError.notFound("User grant not found (COMMAND-3M9sd)");
		}
		return authorization;
	}

	private static LocalProject.@Nullable Grant grantOf(LocalProject project, LocalAuthorization authorization) {
		return (authorization.projectGrantId != null) ? project.grants.get(authorization.organizationId) : null;
	}

	/** Every role must be one of the project's, and on a granted project one of the grant's. */
	private static void requireRoles(LocalProject project, LocalProject.@Nullable Grant grant, List<String> roleKeys) {
		for (String roleKey : roleKeys) {
			if (!project.roles.containsKey(roleKey) || (grant != null && !grant.roleKeys.contains(roleKey))) {
				throw ConnectError.failedPrecondition("Role not found (COMMAND-mm9F4)");
			}
		}
	}

	/** {@code role_keys}: unique, each 1 to 200 characters, as the proto's validation rules say. */
	private static List<String> roleKeys(Map<String, Object> request) {
		List<String> roleKeys = LocalJson.strings(request, "roleKeys");
		if (new HashSet<>(roleKeys).size() != roleKeys.size()) {
			throw ConnectError.invalidArgument("invalid roleKeys: repeated value must contain unique items");
		}
		for (String roleKey : roleKeys) {
			if (roleKey.isEmpty() || roleKey.length() > 200) {
				throw ConnectError.invalidArgument("invalid roleKeys: value length must be between 1 and 200 runes");
			}
		}
		return roleKeys;
	}

	/** One {@code AuthorizationsSearchFilter}, checked now so that a bad one is refused even when nothing is listed. */
	private Predicate<View> filter(Map<String, Object> filter) {
		String kind = LocalFilters.oneof(filter, "AuthorizationsSearchFilter");
		Map<String, Object> value = Objects.requireNonNull(LocalJson.object(filter, kind));
		switch (kind) {
			case "authorizationIds" -> {
				List<String> ids = LocalFilters.ids(value);
				return (view) -> ids.contains(view.authorization().id);
			}
			case "organizationId" -> {
				String id = LocalFilters.id(value);
				return (view) -> view.authorization().organizationId.equals(id);
			}
			case "state" -> {
				String wanted = LocalJson.enumValue(value, "state");
				if (wanted == null) {
					throw ConnectError.invalidArgument("invalid StateQuery.state: value must not be in list [0]");
				}
				return (view) -> wanted.equals(view.authorization().active ? "STATE_ACTIVE" : "STATE_INACTIVE");
			}
			case "inUserIds" -> {
				List<String> ids = LocalFilters.ids(value);
				return (view) -> ids.contains(view.authorization().userId);
			}
			case "userOrganizationId" -> {
				String id = LocalFilters.id(value);
				return (view) -> view.userOrganizationId().equals(id);
			}
			case "userPreferredLoginName" -> {
				return text(value, "UserPreferredLoginNameQuery", "loginName", View::preferredLoginName);
			}
			case "userDisplayName" -> {
				return text(value, "UserDisplayNameQuery", "displayName", View::displayName);
			}
			case "projectId" -> {
				String id = LocalFilters.id(value);
				return (view) -> view.authorization().projectId.equals(id);
			}
			case "projectName" -> {
				return text(value, "ProjectNameQuery", "name", (view) -> view.project().name);
			}
			case "roleKey" -> {
				LocalFilters.matchesText(value, "RoleKeyQuery", "key", "");
				return (view) -> view.authorization().roleKeys.stream()
					.anyMatch((key) -> LocalFilters.matchesText(value, "RoleKeyQuery", "key", key));
			}
			default -> {
				String id = LocalFilters.id(value);
				return (view) -> id.equals(view.authorization().projectGrantId);
			}
		}
	}

	private static Predicate<View> text(Map<String, Object> filter, String messageName, String field,
			Function<View, String> value) {
		LocalFilters.matchesText(filter, messageName, field, "");
		return (view) -> LocalFilters.matchesText(filter, messageName, field, value.apply(view));
	}

	/** An authorization with what it refers to; {@code null} if its user or project is gone. */
	private @Nullable View view(LocalAuthorization authorization) {
		LocalUser user = this.state.user(authorization.userId);
		LocalProject project = LocalProjectService.project(this.state, authorization.projectId);
		if (user == null || project == null) {
			return null;
		}
		return new View(authorization, project, user,
				user.username + "@" + LocalOrganizationService.primaryDomain(this.state, user.organizationId));
	}

	/** {@code zitadel.authorization.v2.Authorization}. */
	private Map<String, Object> authorization(View view) {
		LocalAuthorization authorization = view.authorization();
		LocalProject project = view.project();
		List<Object> roles = new ArrayList<>();
		for (String key : authorization.roleKeys) {
			LocalProject.Role role = project.roles.get(key);
			Map<String, Object> json = LocalProjectService.map("key", key);
			if (role != null) {
				json.put("displayName", role.displayName);
				if (role.group != null && !role.group.isEmpty()) {
					json.put("group", role.group);
				}
			}
			roles.add(json);
		}
		String organizationName = this.state.organizationName(authorization.organizationId);
		Map<String, Object> json = LocalProjectService.map("id", authorization.id, "creationDate",
				LocalJson.timestamp(authorization.creationDate), "changeDate",
				LocalJson.timestamp(authorization.changeDate), "project",
				LocalProjectService.map("id", project.id, "name", project.name, "organizationId",
						project.organizationId),
				"organization", LocalProjectService.map("id", authorization.organizationId, "name",
						(organizationName != null) ? organizationName : ""),
				"user", LocalProjectService.map("id", view.user().id, "preferredLoginName", view.preferredLoginName(),
						"displayName", view.displayName(), "organizationId", view.userOrganizationId()),
				"state", authorization.active ? "STATE_ACTIVE" : "STATE_INACTIVE");
		if (!roles.isEmpty()) {
			json.put("roles", roles);
		}
		return json;
	}

	/** An authorization with its project and user, for filters and answers. */
	private record View(LocalAuthorization authorization, LocalProject project, LocalUser user,
			String preferredLoginName) {

		String userOrganizationId() {
			return this.user.organizationId;
		}

		/** As ZITADEL shows it: a human's display name (or given and family name), a machine's name. */
		String displayName() {
			String name = this.user.human ? this.user.displayName : this.user.name;
			if (name == null && this.user.human && this.user.givenName != null) {
				name = this.user.givenName + " " + this.user.familyName;
			}
			return (name != null) ? name : this.user.username;
		}

	}

}
