package io.github.zitadelstarter.api.user;

/**
 * Users of an organization ({@code zitadel.user.v2.OrganizationIdQuery}).
 *
 * @param organizationId the organization's id
 */
public record OrganizationIdQuery(String organizationId) {

}
