package io.github.zitadelstarter.api.user;

/**
 * Removes a key of a machine user ({@code zitadel.user.v2.RemoveKeyRequest}).
 *
 * @param userId the user's id
 * @param keyId the key's id
 */
public record RemoveKeyRequest(String userId, String keyId) {

}
