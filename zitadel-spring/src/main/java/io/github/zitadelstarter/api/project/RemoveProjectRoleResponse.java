package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code RemoveProjectRole}.
 *
 * @param removalDate when the role was removed; set only if this request removed it
 */
public record RemoveProjectRoleResponse(@Nullable Instant removalDate) {

}
