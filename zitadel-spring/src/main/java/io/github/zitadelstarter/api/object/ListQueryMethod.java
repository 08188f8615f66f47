package io.github.zitadelstarter.api.object;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a list query compares ({@code zitadel.object.v2.ListQueryMethod}).
 */
public enum ListQueryMethod {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	LIST_QUERY_METHOD_IN

}
