package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A key of a machine user, without its content ({@code zitadel.user.v2.Key}).
 *
 * @param creationDate when it was created
 * @param changeDate when it was last changed
 * @param id the key's id
 * @param userId the user's id
 * @param organizationId the user's organization
 * @param expirationDate when it expires
 */
public record Key(@Nullable Instant creationDate, @Nullable Instant changeDate, @Nullable String id,
		@Nullable String userId, @Nullable String organizationId, @Nullable Instant expirationDate) {

}
