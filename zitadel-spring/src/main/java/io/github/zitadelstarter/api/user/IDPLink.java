package io.github.zitadelstarter.api.user;

/**
 * A link of a user to an account at an identity provider ({@code zitadel.user.v2.IDPLink}).
 *
 * @param idpId the identity provider's id
 * @param userId the user's id at the identity provider
 * @param userName the user's name at the identity provider
 */
public record IDPLink(String idpId, String userId, String userName) {

}
