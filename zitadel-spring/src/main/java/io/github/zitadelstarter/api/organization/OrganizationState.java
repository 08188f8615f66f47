package io.github.zitadelstarter.api.organization;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * An organization's state ({@code zitadel.org.v2.OrganizationState}).
 */
public enum OrganizationState {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	ORGANIZATION_STATE_UNSPECIFIED,
	ORGANIZATION_STATE_ACTIVE,
	ORGANIZATION_STATE_INACTIVE,
	ORGANIZATION_STATE_REMOVED

}
