package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * ZITADEL's project service ({@code zitadel.project.v2.ProjectService}) as the local ZITADEL
 * serves it: projects, their roles and their grants to other organizations, kept in the
 * {@link LocalState}. It checks what ZITADEL checks where that is cheap: required fields,
 * unknown projects, roles and organizations, duplicate
 * names, keys and grants. Deleting or removing what does not exist succeeds, as the proto
 * documents, and removing a role or a grant takes it out of the authorizations too.
 */
final class LocalProjectService {

	static final String SERVICE = "zitadel.project.v2.ProjectService";

	private final LocalState state;

	LocalProjectService(LocalState state) {
		this.state = state;
	}

	void register(ConnectRpcs rpcs) {
		rpcs.add(SERVICE, "CreateProject", "project.create", this::createProject);
		rpcs.add(SERVICE, "GetProject", "project.read", this::getProject);
		rpcs.add(SERVICE, "ListProjects", "project.read", this::listProjects);
		rpcs.add(SERVICE, "UpdateProject", "project.write", this::updateProject);
		rpcs.add(SERVICE, "DeactivateProject", "project.write",
				(request, context) -> setActive(request, context, false));
		rpcs.add(SERVICE, "ActivateProject", "project.write",
				(request, context) -> setActive(request, context, true));
		rpcs.add(SERVICE, "DeleteProject", "project.delete", this::deleteProject);
		rpcs.add(SERVICE, "AddProjectRole", "project.role.write", this::addProjectRole);
		rpcs.add(SERVICE, "ListProjectRoles", "project.role.read", this::listProjectRoles);
		rpcs.add(SERVICE, "UpdateProjectRole", "project.role.write", this::updateProjectRole);
		rpcs.add(SERVICE, "RemoveProjectRole", "project.role.write", this::removeProjectRole);
		rpcs.add(SERVICE, "CreateProjectGrant", "project.grant.create", this::createProjectGrant);
		rpcs.add(SERVICE, "ListProjectGrants", "project.grant.read", this::listProjectGrants);
		rpcs.add(SERVICE, "UpdateProjectGrant", "project.grant.write", this::updateProjectGrant);
		rpcs.add(SERVICE, "DeactivateProjectGrant", "project.grant.write",
				(request, context) -> setGrantActive(request, context, false));
		rpcs.add(SERVICE, "ActivateProjectGrant", "project.grant.write",
				(request, context) -> setGrantActive(request, context, true));
		rpcs.add(SERVICE, "DeleteProjectGrant", "project.grant.delete", this::deleteProjectGrant);
	}

	// ---------------------------------------------------------------------------------
	// Projects

	private Map<String, Object> createProject(Map<String, Object> request, RpcContext context) {
		String organizationId = LocalFilters.requireText(request, "organizationId");
		String name = LocalFilters.requireText(request, "name");
		String projectId = LocalJson.string(request, "projectId");
		if (projectId != null) {
			projectId = LocalFilters.requireText(request, "projectId");
		}
		Boolean roleAssertion = LocalFilters.bool(request, "projectRoleAssertion");
		Boolean authorizationRequired = LocalFilters.bool(request, "authorizationRequired");
		Boolean accessRequired = LocalFilters.bool(request, "projectAccessRequired");
		String labeling = LocalFilters.enumValue(request, "privateLabelingSetting");
		synchronized (this.state) {
			if (!this.state.organizationExists(organizationId)) {
				throw ConnectError.failedPrecondition("Organisation not found (COMMAND-4M9sf)");
			}
			String id = (projectId != null) ? projectId : context.newId();
			if (this.state.projects().containsKey(id)) {
				throw ConnectError.alreadyExists("Project already exists on organisation (COMMAND-opamwu)");
			}
			requireUniqueName(organizationId, name, null);
			LocalProject project = new LocalProject(id, organizationId, name, context.now());
			project.projectRoleAssertion = Boolean.TRUE.equals(roleAssertion);
			project.authorizationRequired = Boolean.TRUE.equals(authorizationRequired);
			project.projectAccessRequired = Boolean.TRUE.equals(accessRequired);
			project.privateLabelingSetting = labeling;
			this.state.projects().put(id, project);
			return map("projectId", id, "creationDate", LocalJson.timestamp(project.creationDate));
		}
	}

	private Map<String, Object> getProject(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		synchronized (this.state) {
			return map("project", project(existingProject(projectId), null));
		}
	}

	private Map<String, Object> listProjects(Map<String, Object> request, RpcContext context) {
		LocalFilters.Page page = LocalFilters.page(request);
		String sortingColumn = LocalFilters.enumValue(request, "sortingColumn");
		List<Predicate<ProjectView>> filters = new ArrayList<>();
		boolean granted = false;
		for (Map<String, Object> filter : LocalJson.objects(request, "filters")) {
			String kind = LocalFilters.oneof(filter, "ProjectSearchFilter");
			Map<String, Object> value = Objects.requireNonNull(LocalJson.object(filter, kind));
			switch (kind) {
				case "projectNameFilter" -> filters.add(projectName(value));
				case "inProjectIdsFilter" -> {
					List<String> ids = LocalFilters.ids(value);
					filters.add((view) -> ids.contains(view.project().id));
				}
				default -> {
					String organizationId = LocalFilters.requireText(value, "organizationId");
					String type = LocalFilters.enumValue(value, "type");
					boolean owned = !"GRANTED".equals(type);
					boolean grantedToo = !"OWNED".equals(type);
					granted |= grantedToo;
					filters.add((view) -> (view.grant() == null)
							? owned && view.project().organizationId.equals(organizationId)
							: grantedToo && grantOf(view).grantedOrganizationId.equals(organizationId));
				}
			}
		}
		Comparator<ProjectView> order = switch ((sortingColumn != null) ? sortingColumn : "") {
			case "PROJECT_FIELD_NAME_ID" -> Comparator.comparing((view) -> view.project().id);
			case "PROJECT_FIELD_NAME_CHANGE_DATE" -> Comparator.comparing(ProjectView::changeDate);
			case "PROJECT_FIELD_NAME_NAME" -> Comparator.comparing((view) -> view.project().name);
			default -> Comparator.comparing(ProjectView::creationDate);
		};
		synchronized (this.state) {
			// A project granted to an organization is listed once more, as that organization
			// sees it, when a filter asks for the projects granted to an organization.
			List<ProjectView> views = new ArrayList<>();
			for (LocalProject project : projects(this.state)) {
				views.add(new ProjectView(project, null));
				if (granted) {
					project.grants.values().forEach((grant) -> views.add(new ProjectView(project, grant)));
				}
			}
			List<ProjectView> matching = views.stream().filter((view) -> filters.stream().allMatch((f) -> f.test(view)))
				.toList();
			List<Object> projects = new ArrayList<>();
			for (ProjectView view : page.of(LocalFilters.sorted(matching, order, ProjectView::sequence))) {
				projects.add(project(view.project(), view.grant()));
			}
			return map("pagination", page.response(matching.size()), "projects", projects);
		}
	}

	private Map<String, Object> updateProject(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		String name = (request.containsKey("name")) ? LocalFilters.requireText(request, "name") : null;
		Boolean roleAssertion = LocalFilters.bool(request, "projectRoleAssertion");
		Boolean authorizationRequired = LocalFilters.bool(request, "authorizationRequired");
		Boolean accessRequired = LocalFilters.bool(request, "projectAccessRequired");
		String labeling = LocalFilters.enumValue(request, "privateLabelingSetting");
		synchronized (this.state) {
			LocalProject project = existingProject(projectId);
			if (name != null) {
				requireUniqueName(project.organizationId, name, project.id);
			}
			// ZITADEL answers an update that changes nothing without an error, and without a new
			// change date.
			boolean changed = (name != null && !name.equals(project.name))
					|| (roleAssertion != null && roleAssertion != project.projectRoleAssertion)
					|| (authorizationRequired != null && authorizationRequired != project.authorizationRequired)
					|| (accessRequired != null && accessRequired != project.projectAccessRequired)
					|| (labeling != null && !labeling.equals(project.privateLabelingSetting));
			if (changed) {
				project.name = (name != null) ? name : project.name;
				project.projectRoleAssertion = (roleAssertion != null) ? roleAssertion : project.projectRoleAssertion;
				project.authorizationRequired = (authorizationRequired != null) ? authorizationRequired
						: project.authorizationRequired;
				project.projectAccessRequired = (accessRequired != null) ? accessRequired
						: project.projectAccessRequired;
				project.privateLabelingSetting = (labeling != null) ? labeling : project.privateLabelingSetting;
				project.changeDate = context.now();
			}
			return map("changeDate", LocalJson.timestamp(project.changeDate));
		}
	}

	private Map<String, Object> setActive(Map<String, Object> request, RpcContext context, boolean active) {
		String projectId = LocalFilters.requireText(request, "projectId");
		synchronized (this.state) {
			LocalProject project = existingProject(projectId);
			// Already in the state asked for: no error, as the proto documents.
			if (project.active != active) {
				project.active = active;
				project.changeDate = context.now();
			}
			return map("changeDate", LocalJson.timestamp(project.changeDate));
		}
	}

	private Map<String, Object> deleteProject(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		synchronized (this.state) {
			if (this.state.projects().remove(projectId) == null) {
				// Deleted before, or never there: the desired state, so no error and no date.
				return map();
			}
			this.state.authorizations().values().removeIf((authorization) -> authorization.projectId.equals(projectId));
			return map("deletionDate", LocalJson.timestamp(context.now()));
		}
	}

	// ---------------------------------------------------------------------------------
	// Roles

	private Map<String, Object> addProjectRole(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		String roleKey = LocalFilters.requireText(request, "roleKey");
		String displayName = LocalFilters.requireText(request, "displayName");
		String group = group(request);
		synchronized (this.state) {
			LocalProject project = projectForChange(projectId);
			if (project.roles.containsKey(roleKey)) {
				throw ConnectError.alreadyExists("Role already exists (COMMAND-6M9sf)");
			}
			project.roles.put(roleKey, new LocalProject.Role(roleKey, displayName, group, context.now()));
			return map("creationDate", LocalJson.timestamp(context.now()));
		}
	}

	private Map<String, Object> listProjectRoles(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		LocalFilters.Page page = LocalFilters.page(request);
		String sortingColumn = LocalFilters.enumValue(request, "sortingColumn");
		List<Predicate<LocalProject.Role>> filters = new ArrayList<>();
		for (Map<String, Object> filter : LocalJson.objects(request, "filters")) {
			String kind = LocalFilters.oneof(filter, "ProjectRoleSearchFilter");
			Map<String, Object> value = Objects.requireNonNull(LocalJson.object(filter, kind));
			if (kind.equals("roleKeyFilter")) {
				LocalFilters.matchesText(value, "ProjectRoleKeyFilter", "key", "");
				filters.add((role) -> LocalFilters.matchesText(value, "ProjectRoleKeyFilter", "key", role.key));
			}
			else {
				LocalFilters.matchesText(value, "ProjectRoleDisplayNameFilter", "displayName", "");
				filters.add((role) -> LocalFilters.matchesText(value, "ProjectRoleDisplayNameFilter", "displayName",
						role.displayName));
			}
		}
		Comparator<LocalProject.Role> order = switch ((sortingColumn != null) ? sortingColumn : "") {
			case "PROJECT_ROLE_FIELD_NAME_KEY" -> Comparator.comparing((role) -> role.key);
			case "PROJECT_ROLE_FIELD_NAME_CHANGE_DATE" -> Comparator.comparing((role) -> role.changeDate);
			default -> Comparator.comparing((role) -> role.creationDate);
		};
		synchronized (this.state) {
			// ZITADEL searches the roles by project id: an unknown project has none.
			LocalProject project = project(this.state, projectId);
			List<LocalProject.Role> matching = (project == null) ? List.of()
					: project.roles.values().stream().filter((role) -> filters.stream().allMatch((f) -> f.test(role)))
						.toList();
			List<Object> roles = new ArrayList<>();
			for (LocalProject.Role role : page.of(LocalFilters.sorted(matching, order, (role) -> role.sequence))) {
				roles.add(role(projectId, role));
			}
			return map("pagination", page.response(matching.size()), "projectRoles", roles);
		}
	}

	private Map<String, Object> updateProjectRole(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		String roleKey = LocalFilters.requireText(request, "roleKey");
		String displayName = (request.containsKey("displayName")) ? LocalFilters.requireText(request, "displayName")
				: null;
		String group = group(request);
		synchronized (this.state) {
			LocalProject.Role role = projectForChange(projectId).roles.get(roleKey);
			if (role == null) {
				throw ConnectError.notFound("Role doesn't exist (COMMAND-vv8jse)");
			}
			boolean changed = (displayName != null && !displayName.equals(role.displayName))
					|| (group != null && !group.equals(role.group));
			if (changed) {
				role.displayName = (displayName != null) ? displayName : role.displayName;
				role.group = (group != null) ? group : role.group;
				role.changeDate = context.now();
			}
			return map("changeDate", LocalJson.timestamp(role.changeDate));
		}
	}

	private Map<String, Object> removeProjectRole(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		String roleKey = LocalFilters.requireText(request, "roleKey");
		synchronized (this.state) {
			LocalProject project = project(this.state, projectId);
			if (project == null || project.roles.remove(roleKey) == null) {
				// Removed before, or never there: the desired state, so no error and no date.
				return map();
			}
			// The role goes from the grants and the authorizations too, as ZITADEL cascades it.
			project.grants.values().forEach((grant) -> grant.roleKeys.remove(roleKey));
			this.state.authorizations().values().stream()
				.filter((authorization) -> authorization.projectId.equals(projectId))
				.forEach((authorization) -> authorization.roleKeys.remove(roleKey));
			return map("removalDate", LocalJson.timestamp(context.now()));
		}
	}

	// ---------------------------------------------------------------------------------
	// Grants

	private Map<String, Object> createProjectGrant(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		String grantedOrganizationId = LocalFilters.requireText(request, "grantedOrganizationId");
		List<String> roleKeys = LocalJson.strings(request, "roleKeys");
		synchronized (this.state) {
			LocalProject project = projectForChange(projectId);
			if (project.organizationId.equals(grantedOrganizationId)) {
				throw ConnectError.invalidArgument("Project grant is invalid: a project cannot be granted to the"
						+ " organization that owns it (COMMAND-3m8ff)");
			}
			if (!this.state.organizationExists(grantedOrganizationId)) {
				throw ConnectError.failedPrecondition("Organisation not found (COMMAND-3m9gg)");
			}
			if (project.grants.containsKey(grantedOrganizationId)) {
				throw ConnectError.alreadyExists("Project grant already exists (COMMAND-3b8fs)");
			}
			requireRolesOf(project, roleKeys);
			project.grants.put(grantedOrganizationId,
					new LocalProject.Grant(context.newId(), grantedOrganizationId, roleKeys, context.now()));
			return map("creationDate", LocalJson.timestamp(context.now()));
		}
	}

	private Map<String, Object> listProjectGrants(Map<String, Object> request, RpcContext context) {
		LocalFilters.Page page = LocalFilters.page(request);
		String sortingColumn = LocalFilters.enumValue(request, "sortingColumn");
		List<Predicate<ProjectView>> filters = new ArrayList<>();
		for (Map<String, Object> filter : LocalJson.objects(request, "filters")) {
			String kind = LocalFilters.oneof(filter, "ProjectGrantSearchFilter");
			Map<String, Object> value = Objects.requireNonNull(LocalJson.object(filter, kind));
			switch (kind) {
				case "projectNameFilter" -> filters.add(projectName(value));
				case "roleKeyFilter" -> {
					LocalFilters.matchesText(value, "ProjectRoleKeyFilter", "key", "");
					filters.add((view) -> grantOf(view).roleKeys.stream()
						.anyMatch((key) -> LocalFilters.matchesText(value, "ProjectRoleKeyFilter", "key", key)));
				}
				case "inProjectIdsFilter" -> {
					List<String> ids = LocalFilters.ids(value);
					filters.add((view) -> ids.contains(view.project().id));
				}
				case "organizationIdFilter" -> {
					String id = LocalFilters.id(value);
					filters.add((view) -> view.project().organizationId.equals(id));
				}
				default -> {
					String id = LocalFilters.id(value);
					filters.add((view) -> grantOf(view).grantedOrganizationId.equals(id));
				}
			}
		}
		Comparator<ProjectView> order = switch ((sortingColumn != null) ? sortingColumn : "") {
			case "PROJECT_GRANT_FIELD_NAME_PROJECT_ID" -> Comparator.comparing((view) -> view.project().id);
			case "PROJECT_GRANT_FIELD_NAME_CHANGE_DATE" -> Comparator.comparing(ProjectView::changeDate);
			default -> Comparator.comparing(ProjectView::creationDate);
		};
		synchronized (this.state) {
			List<ProjectView> matching = new ArrayList<>();
			for (LocalProject project : projects(this.state)) {
				for (LocalProject.Grant grant : project.grants.values()) {
					ProjectView view = new ProjectView(project, grant);
					if (filters.stream().allMatch((f) -> f.test(view))) {
						matching.add(view);
					}
				}
			}
			List<Object> grants = new ArrayList<>();
			for (ProjectView view : page.of(LocalFilters.sorted(matching, order, ProjectView::sequence))) {
				grants.add(grant(view.project(), grantOf(view)));
			}
			return map("pagination", page.response(matching.size()), "projectGrants", grants);
		}
	}

	private Map<String, Object> updateProjectGrant(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		String grantedOrganizationId = LocalFilters.requireText(request, "grantedOrganizationId");
		List<String> roleKeys = LocalJson.strings(request, "roleKeys");
		synchronized (this.state) {
			LocalProject project = projectForChange(projectId);
			LocalProject.Grant grant = existingGrant(project, grantedOrganizationId);
			requireRolesOf(project, roleKeys);
			if (!new HashSet<>(roleKeys).equals(new HashSet<>(grant.roleKeys))) {
				// Roles taken from the grant are taken from the authorizations given under it.
				this.state.authorizations().values().stream()
					.filter((authorization) -> grant.id.equals(authorization.projectGrantId))
					.forEach((authorization) -> authorization.roleKeys.retainAll(roleKeys));
				grant.roleKeys = new ArrayList<>(roleKeys);
				grant.changeDate = context.now();
			}
			return map("changeDate", LocalJson.timestamp(grant.changeDate));
		}
	}

	private Map<String, Object> setGrantActive(Map<String, Object> request, RpcContext context, boolean active) {
		String projectId = LocalFilters.requireText(request, "projectId");
		String grantedOrganizationId = LocalFilters.requireText(request, "grantedOrganizationId");
		synchronized (this.state) {
			LocalProject.Grant grant = existingGrant(projectForChange(projectId), grantedOrganizationId);
			if (grant.active != active) {
				grant.active = active;
				grant.changeDate = context.now();
			}
			return map("changeDate", LocalJson.timestamp(grant.changeDate));
		}
	}

	private Map<String, Object> deleteProjectGrant(Map<String, Object> request, RpcContext context) {
		String projectId = LocalFilters.requireText(request, "projectId");
		String grantedOrganizationId = LocalFilters.requireText(request, "grantedOrganizationId");
		synchronized (this.state) {
			LocalProject project = project(this.state, projectId);
			LocalProject.Grant grant = (project != null) ? project.grants.remove(grantedOrganizationId) : null;
			if (grant == null) {
				return map();
			}
			this.state.authorizations().values()
				.removeIf((authorization) -> grant.id.equals(authorization.projectGrantId));
			return map("deletionDate", LocalJson.timestamp(context.now()));
		}
	}

	// ---------------------------------------------------------------------------------

	/**
	 * A project; {@code null} if there is none, or if its organization was deleted since, as
	 * ZITADEL removes an organization's projects with it. Hold the state's lock.
	 */
	static @Nullable LocalProject project(LocalState state, String projectId) {
		LocalProject project = state.projects().get(projectId);
		return (project != null && state.organizationExists(project.organizationId)) ? project : null;
	}

	/** The projects, as {@link #project(LocalState, String)} sees them. Hold the state's lock. */
	static List<LocalProject> projects(LocalState state) {
		return state.projects().values().stream()
			.filter((project) -> state.organizationExists(project.organizationId))
			.toList();
	}

	/** The project a call reads or changes; {@code not_found} if there is none. */
	private LocalProject existingProject(String projectId) {
		LocalProject project = project(this.state, projectId);
		if (project == null) {
			throw ConnectError.notFound("Project not found (QUERY-3M9sd)");
		}
		return project;
	}

	/** The project a call adds to or changes a part of; ZITADEL checks it as a precondition. */
	private LocalProject projectForChange(String projectId) {
		LocalProject project = project(this.state, projectId);
		if (project == null) {
			throw ConnectError.failedPrecondition("Project not found (COMMAND-4M0fs)");
		}
		return project;
	}

	private static LocalProject.Grant existingGrant(LocalProject project, String grantedOrganizationId) {
		LocalProject.Grant grant = project.grants.get(grantedOrganizationId);
		if (grant == null) {
			throw ConnectError.notFound("Grant not found (COMMAND-D8JxR)");
		}
		return grant;
	}

	private void requireUniqueName(String organizationId, String name, @Nullable String exceptProjectId) {
		boolean taken = projects(this.state).stream()
			.anyMatch((other) -> other.organizationId.equals(organizationId) && other.name.equals(name)
					&& !other.id.equals(exceptProjectId));
		if (taken) {
			throw ConnectError.alreadyExists("Project already exists on organisation (COMMAND-opamwu)");
		}
	}

	private static void requireRolesOf(LocalProject project, List<String> roleKeys) {
		for (String roleKey : roleKeys) {
			if (!project.roles.containsKey(roleKey)) {
				throw ConnectError.failedPrecondition("One role doesn't exist on project (COMMAND-6m9gd)");
			}
		}
	}

	private static @Nullable String group(Map<String, Object> request) {
		String group = LocalJson.string(request, "group");
		if (group != null && group.length() > 200) {
			throw ConnectError.invalidArgument("invalid group: value length must be at most 200 runes");
		}
		return group;
	}

	private static Predicate<ProjectView> projectName(Map<String, Object> filter) {
		// Checked once here, so that an invalid filter is refused even when nothing is listed.
		LocalFilters.matchesText(filter, "ProjectNameFilter", "projectName", "");
		return (view) -> LocalFilters.matchesText(filter, "ProjectNameFilter", "projectName", view.project().name);
	}

	private static LocalProject.Grant grantOf(ProjectView view) {
		return Objects.requireNonNull(view.grant());
	}

	/** {@code zitadel.project.v2.Project}, as its owner or, with a grant, as the granted organization sees it. */
	private Map<String, Object> project(LocalProject project, LocalProject.@Nullable Grant grant) {
		Map<String, Object> json = map("projectId", project.id, "organizationId", project.organizationId,
				"creationDate", LocalJson.timestamp(project.creationDate), "changeDate",
				LocalJson.timestamp(project.changeDate), "name", project.name, "state",
				project.active ? "PROJECT_STATE_ACTIVE" : "PROJECT_STATE_INACTIVE");
		// proto3 JSON leaves out fields with their default value (false, the zero enum value).
		putIf(json, "projectRoleAssertion", project.projectRoleAssertion);
		putIf(json, "authorizationRequired", project.authorizationRequired);
		putIf(json, "projectAccessRequired", project.projectAccessRequired);
		if (project.privateLabelingSetting != null
				&& !project.privateLabelingSetting.equals("PRIVATE_LABELING_SETTING_UNSPECIFIED")) {
			json.put("privateLabelingSetting", project.privateLabelingSetting);
		}
		if (grant != null) {
			json.put("grantedOrganizationId", grant.grantedOrganizationId);
			json.put("grantedOrganizationName", organizationName(grant.grantedOrganizationId));
			json.put("grantedState", grant.active ? "GRANTED_PROJECT_STATE_ACTIVE" : "GRANTED_PROJECT_STATE_INACTIVE");
		}
		return json;
	}

	/** {@code zitadel.project.v2.ProjectRole}. */
	private static Map<String, Object> role(String projectId, LocalProject.Role role) {
		Map<String, Object> json = map("projectId", projectId, "key", role.key, "creationDate",
				LocalJson.timestamp(role.creationDate), "changeDate", LocalJson.timestamp(role.changeDate),
				"displayName", role.displayName);
		if (role.group != null && !role.group.isEmpty()) {
			json.put("group", role.group);
		}
		return json;
	}

	/** {@code zitadel.project.v2.ProjectGrant}. */
	private Map<String, Object> grant(LocalProject project, LocalProject.Grant grant) {
		Map<String, Object> json = map("organizationId", project.organizationId, "creationDate",
				LocalJson.timestamp(grant.creationDate), "changeDate", LocalJson.timestamp(grant.changeDate),
				"grantedOrganizationId", grant.grantedOrganizationId, "grantedOrganizationName",
				organizationName(grant.grantedOrganizationId));
		if (!grant.roleKeys.isEmpty()) {
			json.put("grantedRoleKeys", new ArrayList<>(grant.roleKeys));
		}
		json.put("projectId", project.id);
		json.put("projectName", project.name);
		json.put("state", grant.active ? "PROJECT_GRANT_STATE_ACTIVE" : "PROJECT_GRANT_STATE_INACTIVE");
		return json;
	}

	private String organizationName(String organizationId) {
		String name = this.state.organizationName(organizationId);
		return (name != null) ? name : "";
	}

	private static void putIf(Map<String, Object> json, String field, boolean value) {
		if (value) {
			json.put(field, true);
		}
	}

	static Map<String, Object> map(Object... entries) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			map.put((String) entries[i], entries[i + 1]);
		}
		return map;
	}

	/** A project as a list shows it: as its owner sees it, or with a grant as the granted organization does. */
	private record ProjectView(LocalProject project, LocalProject.@Nullable Grant grant) {

		Instant creationDate() {
			return (this.grant != null) ? this.grant.creationDate : this.project.creationDate;
		}

		Instant changeDate() {
			return (this.grant != null) ? this.grant.changeDate : this.project.changeDate;
		}

		long sequence() {
			return (this.grant != null) ? this.grant.sequence : this.project.sequence;
		}

	}

}
