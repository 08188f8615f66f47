package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A personal access token of a machine user, without the token itself
 * ({@code zitadel.user.v2.PersonalAccessToken}).
 *
 * @param creationDate when it was created
 * @param changeDate when it was last changed
 * @param id the token's id
 * @param userId the user's id
 * @param organizationId the user's organization
 * @param expirationDate when it expires
 */
public record PersonalAccessToken(@Nullable Instant creationDate, @Nullable Instant changeDate, @Nullable String id,
		@Nullable String userId, @Nullable String organizationId, @Nullable Instant expirationDate) {

}
