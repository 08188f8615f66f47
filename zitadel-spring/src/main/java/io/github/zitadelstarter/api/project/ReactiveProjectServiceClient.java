package io.github.zitadelstarter.api.project;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.github.zitadelstarter.api.ReactiveZitadelPages;
import io.github.zitadelstarter.api.RequiredPermission;
import io.github.zitadelstarter.api.ZitadelPages;

/**
 * ZITADEL's project service ({@code zitadel.project.v2.ProjectService}) for reactive
 * applications: projects, their roles and their grants to other organizations. Every call
 * is a {@link Mono}; errors arrive as {@link io.github.zitadelstarter.api.ZitadelApiException}.
 */
@HttpExchange(url = "/zitadel.project.v2.ProjectService", contentType = MediaType.APPLICATION_JSON_VALUE,
		accept = MediaType.APPLICATION_JSON_VALUE)
public interface ReactiveProjectServiceClient {

	/**
	 * Creates a project in an organization.
	 * Required permission: {@code project.create}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/CreateProject")
	@RequiredPermission("project.create")
	Mono<CreateProjectResponse> createProject(@RequestBody CreateProjectRequest request);

	/**
	 * The project with the given id; {@code not_found} if there is none.
	 * Required permission: {@code project.read}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/GetProject")
	@RequiredPermission("project.read")
	Mono<GetProjectResponse> getProject(@RequestBody GetProjectRequest request);

	/**
	 * One page of the projects matching the request's filters.
	 * Required permission: {@code project.read}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListProjects")
	@RequiredPermission("project.read")
	Mono<ListProjectsResponse> listProjects(@RequestBody ListProjectsRequest request);

	/**
	 * Changes a project; what the request leaves out stays as it is.
	 * Required permission: {@code project.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UpdateProject")
	@RequiredPermission("project.write")
	Mono<UpdateProjectResponse> updateProject(@RequestBody UpdateProjectRequest request);

	/**
	 * Deactivates a project: its applications cannot log users in any more.
	 * Required permission: {@code project.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeactivateProject")
	@RequiredPermission("project.write")
	Mono<DeactivateProjectResponse> deactivateProject(@RequestBody DeactivateProjectRequest request);

	/**
	 * Activates a deactivated project.
	 * Required permission: {@code project.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ActivateProject")
	@RequiredPermission("project.write")
	Mono<ActivateProjectResponse> activateProject(@RequestBody ActivateProjectRequest request);

	/**
	 * Deletes a project; a project that does not exist counts as deleted.
	 * Required permission: {@code project.delete}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeleteProject")
	@RequiredPermission("project.delete")
	Mono<DeleteProjectResponse> deleteProject(@RequestBody DeleteProjectRequest request);

	/**
	 * Adds a role to a project; {@code already_exists} if the key is taken.
	 * Required permission: {@code project.role.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/AddProjectRole")
	@RequiredPermission("project.role.write")
	Mono<AddProjectRoleResponse> addProjectRole(@RequestBody AddProjectRoleRequest request);

	/**
	 * One page of a project's roles matching the request's filters.
	 * Required permission: {@code project.role.read}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListProjectRoles")
	@RequiredPermission("project.role.read")
	Mono<ListProjectRolesResponse> listProjectRoles(@RequestBody ListProjectRolesRequest request);

	/**
	 * Changes a role's display name or group.
	 * Required permission: {@code project.role.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UpdateProjectRole")
	@RequiredPermission("project.role.write")
	Mono<UpdateProjectRoleResponse> updateProjectRole(@RequestBody UpdateProjectRoleRequest request);

	/**
	 * Removes a role from a project, its grants and its authorizations.
	 * Required permission: {@code project.role.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/RemoveProjectRole")
	@RequiredPermission("project.role.write")
	Mono<RemoveProjectRoleResponse> removeProjectRole(@RequestBody RemoveProjectRoleRequest request);

	/**
	 * Grants a project with some of its roles to another organization.
	 * Required permission: {@code project.grant.create}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/CreateProjectGrant")
	@RequiredPermission("project.grant.create")
	Mono<CreateProjectGrantResponse> createProjectGrant(@RequestBody CreateProjectGrantRequest request);

	/**
	 * One page of the project grants matching the request's filters.
	 * Required permission: {@code project.grant.read}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListProjectGrants")
	@RequiredPermission("project.grant.read")
	Mono<ListProjectGrantsResponse> listProjectGrants(@RequestBody ListProjectGrantsRequest request);

	/**
	 * Sets the roles granted to an organization.
	 * Required permission: {@code project.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UpdateProjectGrant")
	@RequiredPermission("project.grant.write")
	Mono<UpdateProjectGrantResponse> updateProjectGrant(@RequestBody UpdateProjectGrantRequest request);

	/**
	 * Deactivates a project grant.
	 * Required permission: {@code project.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeactivateProjectGrant")
	@RequiredPermission("project.grant.write")
	Mono<DeactivateProjectGrantResponse> deactivateProjectGrant(@RequestBody DeactivateProjectGrantRequest request);

	/**
	 * Activates a deactivated project grant.
	 * Required permission: {@code project.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ActivateProjectGrant")
	@RequiredPermission("project.grant.write")
	Mono<ActivateProjectGrantResponse> activateProjectGrant(@RequestBody ActivateProjectGrantRequest request);

	/**
	 * Deletes a project grant and its authorizations.
	 * Required permission: {@code project.grant.delete}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeleteProjectGrant")
	@RequiredPermission("project.grant.delete")
	Mono<DeleteProjectGrantResponse> deleteProjectGrant(@RequestBody DeleteProjectGrantRequest request);

	/**
	 * All projects matching the request's filters, fetched page by page
	 * ({@value ZitadelPages#DEFAULT_PAGE_SIZE} a page) as the subscriber asks for them.
	 * @param request the request; its pagination's order is kept, its offset and limit are not
	 * @return the matching projects
	 */
	default Flux<Project> listAllProjects(ListProjectsRequest request) {
		return ReactiveZitadelPages.flux(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listProjects(request.withPagination(offset, limit)),
				ListProjectsResponse::projects, ListProjectsResponse::totalResult);
	}

	/**
	 * All of a project's roles matching the request's filters, fetched page by page
	 * ({@value ZitadelPages#DEFAULT_PAGE_SIZE} a page) as the subscriber asks for them.
	 * @param request the request; its pagination's order is kept, its offset and limit are not
	 * @return the matching roles
	 */
	default Flux<ProjectRole> listAllProjectRoles(ListProjectRolesRequest request) {
		return ReactiveZitadelPages.flux(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listProjectRoles(request.withPagination(offset, limit)),
				ListProjectRolesResponse::projectRoles, ListProjectRolesResponse::totalResult);
	}

	/**
	 * All project grants matching the request's filters, fetched page by page
	 * ({@value ZitadelPages#DEFAULT_PAGE_SIZE} a page) as the subscriber asks for them.
	 * @param request the request; its pagination's order is kept, its offset and limit are not
	 * @return the matching project grants
	 */
	default Flux<ProjectGrant> listAllProjectGrants(ListProjectGrantsRequest request) {
		return ReactiveZitadelPages.flux(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listProjectGrants(request.withPagination(offset, limit)),
				ListProjectGrantsResponse::projectGrants, ListProjectGrantsResponse::totalResult);
	}

}
