package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code DeactivateProjectGrant}.
 *
 * @param changeDate when the grant changed
 */
public record DeactivateProjectGrantResponse(@Nullable Instant changeDate) {

}
