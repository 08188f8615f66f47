package io.github.zitadelstarter.api.object;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a text query compares ({@code zitadel.object.v2.TextQueryMethod}); absent means equals.
 */
public enum TextQueryMethod {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	TEXT_QUERY_METHOD_EQUALS,
	TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE,
	TEXT_QUERY_METHOD_STARTS_WITH,
	TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE,
	TEXT_QUERY_METHOD_CONTAINS,
	TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE,
	TEXT_QUERY_METHOD_ENDS_WITH,
	TEXT_QUERY_METHOD_ENDS_WITH_IGNORE_CASE

}
