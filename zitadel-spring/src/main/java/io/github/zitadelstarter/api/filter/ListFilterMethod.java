package io.github.zitadelstarter.api.filter;

/**
 * How a list filter compares.
 */
public enum ListFilterMethod {

	LIST_FILTER_METHOD_IN

}
