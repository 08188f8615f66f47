package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code ActivateProjectGrant}.
 *
 * @param changeDate when the grant changed
 */
public record ActivateProjectGrantResponse(@Nullable Instant changeDate) {

}
