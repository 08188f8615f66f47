package io.github.zitadelstarter.api.project;

import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.github.zitadelstarter.api.RequiredPermission;
import io.github.zitadelstarter.api.ZitadelPages;

/**
 * ZITADEL's project service ({@code zitadel.project.v2.ProjectService}): projects, their
 * roles and their grants to other organizations. Errors arrive as
 * {@link io.github.zitadelstarter.api.ZitadelApiException}.
 */
@HttpExchange(url = "/zitadel.project.v2.ProjectService", contentType = MediaType.APPLICATION_JSON_VALUE,
		accept = MediaType.APPLICATION_JSON_VALUE)
public interface ProjectServiceClient {

	/**
	 * Creates a project in an organization.
	 * Required permission: {@code project.create}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/CreateProject")
	@RequiredPermission("project.create")
	CreateProjectResponse createProject(@RequestBody CreateProjectRequest request);

	/**
	 * The project with the given id; {@code not_found} if there is none.
	 * Required permission: {@code project.read}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/GetProject")
	@RequiredPermission("project.read")
	GetProjectResponse getProject(@RequestBody GetProjectRequest request);

	/**
	 * One page of the projects matching the request's filters.
	 * Required permission: {@code project.read}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListProjects")
	@RequiredPermission("project.read")
	ListProjectsResponse listProjects(@RequestBody ListProjectsRequest request);

	/**
	 * Changes a project; what the request leaves out stays as it is.
	 * Required permission: {@code project.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UpdateProject")
	@RequiredPermission("project.write")
	UpdateProjectResponse updateProject(@RequestBody UpdateProjectRequest request);

	/**
	 * Deactivates a project: its applications cannot log users in any more.
	 * Required permission: {@code project.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeactivateProject")
	@RequiredPermission("project.write")
	DeactivateProjectResponse deactivateProject(@RequestBody DeactivateProjectRequest request);

	/**
	 * Activates a deactivated project.
	 * Required permission: {@code project.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ActivateProject")
	@RequiredPermission("project.write")
	ActivateProjectResponse activateProject(@RequestBody ActivateProjectRequest request);

	/**
	 * Deletes a project; a project that does not exist counts as deleted.
	 * Required permission: {@code project.delete}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeleteProject")
	@RequiredPermission("project.delete")
	DeleteProjectResponse deleteProject(@RequestBody DeleteProjectRequest request);

	/**
	 * Adds a role to a project; {@code already_exists} if the key is taken.
	 * Required permission: {@code project.role.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/AddProjectRole")
	@RequiredPermission("project.role.write")
	AddProjectRoleResponse addProjectRole(@RequestBody AddProjectRoleRequest request);

	/**
	 * One page of a project's roles matching the request's filters.
	 * Required permission: {@code project.role.read}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListProjectRoles")
	@RequiredPermission("project.role.read")
	ListProjectRolesResponse listProjectRoles(@RequestBody ListProjectRolesRequest request);

	/**
	 * Changes a role's display name or group.
	 * Required permission: {@code project.role.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UpdateProjectRole")
	@RequiredPermission("project.role.write")
	UpdateProjectRoleResponse updateProjectRole(@RequestBody UpdateProjectRoleRequest request);

	/**
	 * Removes a role from a project, its grants and its authorizations.
	 * Required permission: {@code project.role.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/RemoveProjectRole")
	@RequiredPermission("project.role.write")
	RemoveProjectRoleResponse removeProjectRole(@RequestBody RemoveProjectRoleRequest request);

	/**
	 * Grants a project with some of its roles to another organization.
	 * Required permission: {@code project.grant.create}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/CreateProjectGrant")
	@RequiredPermission("project.grant.create")
	CreateProjectGrantResponse createProjectGrant(@RequestBody CreateProjectGrantRequest request);

	/**
	 * One page of the project grants matching the request's filters.
	 * Required permission: {@code project.grant.read}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListProjectGrants")
	@RequiredPermission("project.grant.read")
	ListProjectGrantsResponse listProjectGrants(@RequestBody ListProjectGrantsRequest request);

	/**
	 * Sets the roles granted to an organization.
	 * Required permission: {@code project.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UpdateProjectGrant")
	@RequiredPermission("project.grant.write")
	UpdateProjectGrantResponse updateProjectGrant(@RequestBody UpdateProjectGrantRequest request);

	/**
	 * Deactivates a project grant.
	 * Required permission: {@code project.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeactivateProjectGrant")
	@RequiredPermission("project.grant.write")
	DeactivateProjectGrantResponse deactivateProjectGrant(@RequestBody DeactivateProjectGrantRequest request);

	/**
	 * Activates a deactivated project grant.
	 * Required permission: {@code project.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ActivateProjectGrant")
	@RequiredPermission("project.grant.write")
	ActivateProjectGrantResponse activateProjectGrant(@RequestBody ActivateProjectGrantRequest request);

	/**
	 * Deletes a project grant and its authorizations.
	 * Required permission: {@code project.grant.delete}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeleteProjectGrant")
	@RequiredPermission("project.grant.delete")
	DeleteProjectGrantResponse deleteProjectGrant(@RequestBody DeleteProjectGrantRequest request);

	/**
	 * All projects matching the request's filters, fetched page by page
	 * ({@value ZitadelPages#DEFAULT_PAGE_SIZE} a page) as the stream is consumed.
	 * @param request the request; its pagination's order is kept, its offset and limit are not
	 * @return the matching projects
	 */
	default Stream<Project> listAllProjects(ListProjectsRequest request) {
		return ZitadelPages.stream(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listProjects(request.withPagination(offset, limit)),
				ListProjectsResponse::projects, ListProjectsResponse::totalResult);
	}

	/**
	 * All of a project's roles matching the request's filters, fetched page by page
	 * ({@value ZitadelPages#DEFAULT_PAGE_SIZE} a page) as the stream is consumed.
	 * @param request the request; its pagination's order is kept, its offset and limit are not
	 * @return the matching roles
	 */
	default Stream<ProjectRole> listAllProjectRoles(ListProjectRolesRequest request) {
		return ZitadelPages.stream(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listProjectRoles(request.withPagination(offset, limit)),
				ListProjectRolesResponse::projectRoles, ListProjectRolesResponse::totalResult);
	}

	/**
	 * All project grants matching the request's filters, fetched page by page
	 * ({@value ZitadelPages#DEFAULT_PAGE_SIZE} a page) as the stream is consumed.
	 * @param request the request; its pagination's order is kept, its offset and limit are not
	 * @return the matching project grants
	 */
	default Stream<ProjectGrant> listAllProjectGrants(ListProjectGrantsRequest request) {
		return ZitadelPages.stream(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listProjectGrants(request.withPagination(offset, limit)),
				ListProjectGrantsResponse::projectGrants, ListProjectGrantsResponse::totalResult);
	}

}
