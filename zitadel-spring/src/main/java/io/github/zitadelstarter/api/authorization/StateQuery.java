package io.github.zitadelstarter.api.authorization;

/**
 * Matches authorizations in a state.
 *
 * @param state the state, not {@link State#STATE_UNSPECIFIED}
 */
public record StateQuery(State state) {

}
