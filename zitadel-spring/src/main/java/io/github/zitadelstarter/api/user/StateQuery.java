package io.github.zitadelstarter.api.user;

/**
 * Users by state ({@code zitadel.user.v2.StateQuery}).
 *
 * @param state the state
 */
public record StateQuery(UserState state) {

}
