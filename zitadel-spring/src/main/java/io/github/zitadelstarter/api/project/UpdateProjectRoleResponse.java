package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code UpdateProjectRole}.
 *
 * @param changeDate when the role changed
 */
public record UpdateProjectRoleResponse(@Nullable Instant changeDate) {

}
