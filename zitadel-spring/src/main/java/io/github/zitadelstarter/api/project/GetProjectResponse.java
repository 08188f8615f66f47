package io.github.zitadelstarter.api.project;

/**
 * The answer to {@code GetProject}.
 *
 * @param project the project with the requested id
 */
public record GetProjectResponse(Project project) {

}
