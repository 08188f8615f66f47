package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * The data of a machine user ({@code zitadel.user.v2.MachineUser}).
 *
 * @param name the human-readable name
 * @param description what the user is for
 * @param hasSecret whether it has a client secret
 * @param accessTokenType the kind of access token it gets
 */
public record MachineUser(@Nullable String name, @Nullable String description, @Nullable Boolean hasSecret,
		@Nullable AccessTokenType accessTokenType) {

}
