package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A new client secret ({@code zitadel.user.v2.AddSecretResponse}); ZITADEL shows it only this once.
 *
 * @param creationDate when it was created
 * @param clientSecret the secret
 */
final class AddSecretResponse {


	/** Leaves out clientSecret, which must not reach a log. */
	@Override
	public String toString() {
		return "AddSecretResponse[creationDate=" + this.creationDate + ", clientSecret="
				+ ((this.clientSecret != null) ? "[hidden]" : "null") + "]";
	}

}
