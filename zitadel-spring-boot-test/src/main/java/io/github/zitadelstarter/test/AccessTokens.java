package io.github.zitadelstarter.test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The opaque tokens the local ZITADEL accepts at its APIs, with what ZITADEL remembers of
 * them: when they expire and the scopes they carry, among them whether they were issued for
 * ZITADEL's own APIs.
 */
final class AccessTokens {

	/** What an API call's bearer token is worth. */
	enum Verdict {

		VALID, UNKNOWN, EXPIRED, NO_ZITADEL_AUDIENCE

	}

	private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	AccessTokens(Clock clock) {
		this.clock = clock;
	}

	String issue(Instant expiresAt, List<String> scopes) {
		// Forget expired tokens so that a long-running application does not accumulate them.
		Instant now = this.clock.instant();
		this.tokens.values().removeIf((issued) -> !issued.persistent() && issued.expiredAt(now));
		String token = random(48);
		this.tokens.put(token, new Issued(expiresAt, List.copyOf(scopes), false));
		return token;
	}

	/**
	 * A personal access token: valid for ZITADEL's APIs whatever its scopes, and kept even
	 * after it expires, so that it is refused as expired.
	 */
	void register(String token, Instant expiresAt, List<String> scopes) {
		this.tokens.put(token, new Issued(expiresAt, List.copyOf(scopes), true));
	}

	/** Revokes every token issued at the token endpoint; personal access tokens stay. */
	void revokeIssued() {
		this.tokens.values().removeIf((issued) -> !issued.persistent());
	}

	Verdict check(@Nullable String token) {
		Issued issued = (token != null) ? this.tokens.get(token) : null;
		if (issued == null) {
			return Verdict.UNKNOWN;
		}
		if (issued.expiredAt(this.clock.instant())) {
			return Verdict.EXPIRED;
		}
		return (issued.persistent() || issued.scopes().contains(TokenEndpoint.ZITADEL_AUDIENCE_SCOPE)) ? Verdict.VALID
				: Verdict.NO_ZITADEL_AUDIENCE;
	}

	/**
	 * The scopes of a token that ZITADEL's OpenID Connect endpoints accept: one it issued or a
	 * personal access token, neither expired nor revoked, whatever its audience.
	 * @param token the bearer token, if any
	 * @return its scopes, or {@code null} if the token is not active
	 */
	@Nullable List<String> activeScopes(@Nullable String token) {
		Issued issued = (token != null) ? this.tokens.get(token) : null;
		return (issued != null && !issued.expiredAt(this.clock.instant())) ? issued.scopes() : null;
	}

	String random(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private record Issued(Instant expiresAt, List<String> scopes, boolean persistent) {

		boolean expiredAt(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

	}

}
