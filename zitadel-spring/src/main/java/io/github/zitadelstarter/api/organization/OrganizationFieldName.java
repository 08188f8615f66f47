package io.github.zitadelstarter.api.organization;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The field an organization list is sorted by ({@code zitadel.org.v2.OrganizationFieldName}).
 */
public enum OrganizationFieldName {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	ORGANIZATION_FIELD_NAME_UNSPECIFIED,
	ORGANIZATION_FIELD_NAME_NAME,
	ORGANIZATION_FIELD_NAME_CREATION_DATE

}
