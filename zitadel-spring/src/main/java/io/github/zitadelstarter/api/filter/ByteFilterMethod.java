package io.github.zitadelstarter.api.filter;

/**
 * How a filter on binary values compares; {@link #BYTE_FILTER_METHOD_EQUALS} is proto's default.
 */
public enum ByteFilterMethod {

	BYTE_FILTER_METHOD_EQUALS, BYTE_FILTER_METHOD_NOT_EQUALS

}
