package io.github.zitadelstarter.api.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A new personal access token ({@code zitadel.user.v2.AddPersonalAccessTokenResponse}); ZITADEL
 * shows it only this once.
 *
 * @param creationDate when it was created
 * @param tokenId the token's id
 * @param token the token, sent as {@code Authorization: Bearer <token>}
 */
final class AddPersonalAccessTokenResponse {


	/** Leaves out token, which must not reach a log. */
	@Override
	public String toString() {
		return "AddPersonalAccessTokenResponse[creationDate=" + this.creationDate + ", tokenId=" + this.tokenId
				+ ", token=" + ((this.token != null) ? "[hidden]" : "null") + "]";
	}

}
