package io.github.zitadelstarter.api.user;

/**
 * Users by type ({@code zitadel.user.v2.TypeQuery}).
 *
 * @param type human or machine
 */
public record TypeQuery(Type type) {

}
