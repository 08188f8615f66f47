package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code AddProjectRole}.
 *
 * @param creationDate when the role was created
 */
public record AddProjectRoleResponse(@Nullable Instant creationDate) {

}
