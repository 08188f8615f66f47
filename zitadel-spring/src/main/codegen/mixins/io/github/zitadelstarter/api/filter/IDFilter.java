package io.github.zitadelstarter.api.filter;

/**
 * Only resources that belong to this id.
 *
 * @param id the id
 */
final class IDFilter {


	/**
	 * A filter on the given id.
	 * @param id the id
	 * @return the filter
	 */
	public static IDFilter of(String id) {
		return new IDFilter(id);
	}

}
