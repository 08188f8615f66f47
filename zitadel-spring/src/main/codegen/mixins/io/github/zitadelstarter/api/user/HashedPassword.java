package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * A password as a hash in Modular Crypt Format, for imports
 * ({@code zitadel.user.v2.HashedPassword}).
 *
 * @param hash the encoded hash
 * @param changeRequired whether the user must change it at the next login
 */
final class HashedPassword {


	/** Leaves out hash, which must not reach a log. */
	@Override
	public String toString() {
		return "HashedPassword[hash=" + ((this.hash != null) ? "[hidden]" : "null") + ", changeRequired="
				+ this.changeRequired + "]";
	}

}
