package io.github.zitadelstarter.api.filter;

/**
 * Only resources that belong to this id.
 *
 * @param id the id
 */
public record IDFilter(String id) {

	/**
	 * A filter on the given id.
	 * @param id the id
	 * @return the filter
	 */
	public static IDFilter of(String id) {
		return new IDFilter(id);
	}

}
