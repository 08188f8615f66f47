package io.github.zitadelstarter.api.organization;

/**
 * The instance's default organization ({@code zitadel.org.v2.DefaultOrganizationQuery}).
 */
public record DefaultOrganizationQuery() {

}
