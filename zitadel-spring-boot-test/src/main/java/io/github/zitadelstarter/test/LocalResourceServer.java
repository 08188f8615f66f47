package io.github.zitadelstarter.test;

/**
 * How an application checks its users' tokens against {@link LocalZitadel}, as
 * {@code zitadel.resource-server.*} configures it.
 */
public enum LocalResourceServer {

	/** The application does not check users' tokens: no {@code zitadel.resource-server.*}. */
	NONE,

	/** JWT access tokens, checked against the JWKS ({@code zitadel.resource-server.audience}). */
	JWT,

	/**
	 * Opaque tokens, introspected with the API application's JSON key
	 * ({@code zitadel.resource-server.introspection.key-json}).
	 */
	INTROSPECTION_KEY,

	/**
	 * Opaque tokens, introspected with the API application's client id and secret
	 * ({@code zitadel.resource-server.introspection.client-id} and {@code client-secret}).
	 */
	INTROSPECTION_SECRET

}
