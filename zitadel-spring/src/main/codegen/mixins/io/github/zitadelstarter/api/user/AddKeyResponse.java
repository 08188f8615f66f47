package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A new key ({@code zitadel.user.v2.AddKeyResponse}); ZITADEL returns a generated key only this
 * once.
 *
 * @param creationDate when it was created
 * @param keyId the key's id
 * @param keyContent the key file (JSON with the private key) if ZITADEL generated the pair; base64
 * in JSON
 */
final class AddKeyResponse {


	/** Leaves out keyContent, which holds a private key. */
	@Override
	public String toString() {
		return "AddKeyResponse[creationDate=" + this.creationDate + ", keyId=" + this.keyId + ", keyContent="
				+ ((this.keyContent != null) ? "[hidden]" : "null") + "]";
	}

}
