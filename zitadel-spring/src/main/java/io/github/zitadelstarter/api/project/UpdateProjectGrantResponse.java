package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code UpdateProjectGrant}.
 *
 * @param changeDate when the grant changed
 */
public record UpdateProjectGrantResponse(@Nullable Instant changeDate) {

}
