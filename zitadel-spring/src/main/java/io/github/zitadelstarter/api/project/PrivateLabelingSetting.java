package io.github.zitadelstarter.api.project;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Which organization's private labeling (branding) a login to the project shows.
 */
public enum PrivateLabelingSetting {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	PRIVATE_LABELING_SETTING_UNSPECIFIED,

	/** The branding of the organization that owns the project. */
	PRIVATE_LABELING_SETTING_ENFORCE_PROJECT_RESOURCE_OWNER_POLICY,

	/** The branding of the user's organization once the user is known. */
	PRIVATE_LABELING_SETTING_ALLOW_LOGIN_USER_RESOURCE_OWNER_POLICY

}
