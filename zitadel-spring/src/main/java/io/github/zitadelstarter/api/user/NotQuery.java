package io.github.zitadelstarter.api.user;

/**
 * Users not matching a criterion ({@code zitadel.user.v2.NotQuery}).
 *
 * @param query the criterion
 */
public record NotQuery(SearchQuery query) {

}
