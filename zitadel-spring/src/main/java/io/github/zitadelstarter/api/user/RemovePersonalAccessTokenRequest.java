package io.github.zitadelstarter.api.user;

/**
 * Removes a personal access token of a machine user
 * ({@code zitadel.user.v2.RemovePersonalAccessTokenRequest}).
 *
 * @param userId the user's id
 * @param tokenId the token's id
 */
public record RemovePersonalAccessTokenRequest(String userId, String tokenId) {

}
