package io.github.zitadelstarter.api.filter;

/**
 * How a timestamp filter compares; {@link #TIMESTAMP_FILTER_METHOD_EQUALS} is proto's default.
 */
public enum TimestampFilterMethod {

	TIMESTAMP_FILTER_METHOD_EQUALS, TIMESTAMP_FILTER_METHOD_AFTER, TIMESTAMP_FILTER_METHOD_AFTER_OR_EQUALS,
	TIMESTAMP_FILTER_METHOD_BEFORE, TIMESTAMP_FILTER_METHOD_BEFORE_OR_EQUALS

}
