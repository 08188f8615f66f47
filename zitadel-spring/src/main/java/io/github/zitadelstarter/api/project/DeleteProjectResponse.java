package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code DeleteProject}.
 *
 * @param deletionDate when the project was deleted; set only if this request deleted it
 */
public record DeleteProjectResponse(@Nullable Instant deletionDate) {

}
