package io.github.zitadelstarter.api.object;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a timestamp query compares ({@code zitadel.object.v2.TimestampQueryMethod}); absent means
 * equals.
 */
public enum TimestampQueryMethod {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	TIMESTAMP_QUERY_METHOD_EQUALS,
	TIMESTAMP_QUERY_METHOD_GREATER,
	TIMESTAMP_QUERY_METHOD_GREATER_OR_EQUALS,
	TIMESTAMP_QUERY_METHOD_LESS,
	TIMESTAMP_QUERY_METHOD_LESS_OR_EQUALS

}
