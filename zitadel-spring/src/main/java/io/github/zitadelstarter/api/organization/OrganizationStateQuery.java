package io.github.zitadelstarter.api.organization;

/**
 * Organizations by state ({@code zitadel.org.v2.OrganizationStateQuery}).
 *
 * @param state the state
 */
public record OrganizationStateQuery(OrganizationState state) {

}
