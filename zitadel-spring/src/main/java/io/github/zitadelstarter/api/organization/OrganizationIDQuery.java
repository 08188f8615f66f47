package io.github.zitadelstarter.api.organization;

/**
 * An organization by id ({@code zitadel.org.v2.OrganizationIDQuery}).
 *
 * @param id the id
 */
public record OrganizationIDQuery(String id) {

}
