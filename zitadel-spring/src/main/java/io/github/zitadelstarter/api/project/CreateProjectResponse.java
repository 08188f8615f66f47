package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code CreateProject}.
 *
 * @param projectId the new project's id
 * @param creationDate when the project was created
 */
public record CreateProjectResponse(String projectId, @Nullable Instant creationDate) {

}
