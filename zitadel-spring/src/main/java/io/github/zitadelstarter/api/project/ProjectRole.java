package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A role of a project.
 *
 * @param projectId the id of the project the role belongs to
 * @param key the role's key, which ZITADEL uses in authorization checks and as the claim in
 * tokens
 * @param creationDate when the role was created
 * @param changeDate when the role last changed
 * @param displayName a human-readable name, which users may see
 * @param group a group for display purposes only; ZITADEL does not use it
 */
public record ProjectRole(String projectId, String key, @Nullable Instant creationDate, @Nullable Instant changeDate,
		@Nullable String displayName, @Nullable String group) {

}
