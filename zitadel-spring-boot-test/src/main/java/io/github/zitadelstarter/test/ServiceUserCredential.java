package io.github.zitadelstarter.test;

/**
 * The three ways a ZITADEL service user authenticates; {@link LocalZitadel} accepts each.
 */
public enum ServiceUserCredential {

	/**
	 * A JSON key: the JWT bearer grant with an assertion signed by the key
	 * ({@code zitadel.service-user.key-json}). ZITADEL recommends it.
	 */
	KEY,

	/**
	 * A client id and secret: the {@code client_credentials} grant with HTTP Basic
	 * ({@code zitadel.service-user.client-id} and {@code zitadel.service-user.client-secret}).
	 */
	CLIENT_SECRET,

	/**
	 * A personal access token sent directly to the APIs
	 * ({@code zitadel.service-user.personal-access-token}).
	 */
	PERSONAL_ACCESS_TOKEN

}
