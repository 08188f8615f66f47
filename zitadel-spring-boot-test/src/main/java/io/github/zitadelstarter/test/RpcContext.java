package io.github.zitadelstarter.test;

import java.time.Instant;

/**
 * What a local service's handler knows about the call besides its request message.
 *
 * @param organizationId the organization the call acts in: its {@code x-zitadel-orgid}, else
 * the service user's organization
 * @param userId the id of the calling service user
 * @param now the local ZITADEL's time of the call
 */
record RpcContext(String organizationId, String userId, Instant now) {

	/** A new id like ZITADEL's snowflake-like ids. */
	String newId() {
		return Directory.newId();
	}

}
