package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code CreateProjectGrant}.
 *
 * @param creationDate when the grant was created
 */
public record CreateProjectGrantResponse(@Nullable Instant creationDate) {

}
