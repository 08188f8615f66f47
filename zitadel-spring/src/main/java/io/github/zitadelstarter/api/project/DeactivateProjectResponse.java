package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code DeactivateProject}.
 *
 * @param changeDate when the project changed
 */
public record DeactivateProjectResponse(@Nullable Instant changeDate) {

}
