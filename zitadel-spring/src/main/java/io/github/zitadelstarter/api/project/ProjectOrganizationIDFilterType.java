package io.github.zitadelstarter.api.project;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Whether a project organization filter matches owned projects, granted ones or both (the default).
 */
public enum ProjectOrganizationIDFilterType {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	TYPE_UNSPECIFIED,

	/** Projects the organization owns. */
	OWNED,

	/** Projects granted to the organization. */
	GRANTED,

	/** Projects the organization owns or that are granted to it. */
	OWNED_OR_GRANTED

}
