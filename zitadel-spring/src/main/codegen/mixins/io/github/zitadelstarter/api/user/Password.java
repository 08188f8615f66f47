package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * A password in clear text ({@code zitadel.user.v2.Password}).
 *
 * @param password the password
 * @param changeRequired whether the user must change it at the next login
 */
final class Password {


	/**
	 * A password the user keeps.
	 * @param password the password
	 * @return the password
	 */
	public static Password of(String password) {
		return new Password(password, false);
	}

	/**
	 * A password the user must change at the next login.
	 * @param password the password
	 * @return the password
	 */
	public static Password changeRequired(String password) {
		return new Password(password, true);
	}

	/** Leaves out password, which must not reach a log. */
	@Override
	public String toString() {
		return "Password[password=" + ((this.password != null) ? "[hidden]" : "null") + ", changeRequired="
				+ this.changeRequired + "]";
	}

}
