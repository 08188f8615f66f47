package io.github.zitadelstarter.api.object;

import org.jspecify.annotations.Nullable;

/**
 * Where a resource is owned: an organization or the whole instance
 * ({@code zitadel.object.v2.RequestContext}); exactly one is set.
 *
 * @param orgId the owning organization's id
 * @param instance whether the instance owns it; only {@code true} is valid
 */
final class RequestContext {


	/**
	 * Owned by the organization with the given id.
	 * @param orgId the organization's id
	 * @return the context
	 */
	public static RequestContext organization(String orgId) {
		return new RequestContext(orgId, null);
	}

	/**
	 * Owned by the instance.
	 * @return the context
	 */
	public static RequestContext ofInstance() {
		return new RequestContext(null, true);
	}

}
