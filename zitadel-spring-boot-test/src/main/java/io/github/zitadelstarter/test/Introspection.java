package io.github.zitadelstarter.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A request that {@link LocalZitadel}'s introspection endpoint received. It keeps neither
 * the token nor the client's credential.
 *
 * @param clientId the client that asked, or {@code null} if it could not be told
 * @param clientAuthentication {@code private_key_jwt}, {@code client_secret_basic} or
 * {@code none}
 * @param status the HTTP status of the answer
 * @param active whether the token was found active
 * @param refusal why the client was refused; {@code null} if it was not
 * @param receivedAt when it arrived
 */
public record Introspection(@Nullable String clientId, String clientAuthentication, int status, boolean active,
		@Nullable String refusal, Instant receivedAt) {
}
