package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code UpdateProject}.
 *
 * @param changeDate when the project changed
 */
public record UpdateProjectResponse(@Nullable Instant changeDate) {

}
