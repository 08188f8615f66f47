package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code DeleteProjectGrant}.
 *
 * @param deletionDate when the grant was deleted; set only if this request deleted it
 */
public record DeleteProjectGrantResponse(@Nullable Instant deletionDate) {

}
