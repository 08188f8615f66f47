package io.github.zitadelstarter.resourceserver;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a checked token is used again, with a clock the test moves.
 */
class VerifiedJwtsTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final VerifiedJwts verified = new VerifiedJwts(this.clock);

	@Test
	void aTokenIsUsedAgainUntilItsExp() {
		Jwt jwt = jwt(this.clock.instant().plusSeconds(60));
		this.verified.put("token", jwt, 0);

		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.verified.get("token", (entry) -> true)).isSameAs(jwt);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.verified.get("token", (entry) -> true)).isNull();
	}

	@Test
	void aLongLivedTokenIsCheckedAgainAfterFiveMinutes() {
		Jwt jwt = jwt(this.clock.instant().plus(Duration.ofHours(12)));
		this.verified.put("token", jwt, 0);

		this.clock.advance(VerifiedJwts.MAX_AGE.minusSeconds(1));
		assertThat(this.verified.get("token", (entry) -> true)).isSameAs(jwt);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.verified.get("token", (entry) -> true)).isNull();
	}

	@Test
	void aTokenWhoseKeyIsNoLongerTrustedIsDropped() {
		Jwt jwt = jwt(this.clock.instant().plusSeconds(3600));
		this.verified.put("token", jwt, 7);

		assertThat(this.verified.get("token", (entry) -> entry.keys() == 8)).isNull();
		// dropped: not used again even if asked without the condition
		assertThat(this.verified.get("token", (entry) -> true)).isNull();
	}

	@Test
	void onlyTheSameTokenFindsAnEntry() {
		this.verified.put("token", jwt(this.clock.instant().plusSeconds(3600)), 0);

		assertThat(this.verified.get("token2", (entry) -> true)).isNull();
		assertThat(this.verified.get("toke", (entry) -> true)).isNull();
	}

	private static Jwt jwt(Instant expiresAt) {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("alice")
			.issuedAt(expiresAt.minusSeconds(1))
			.expiresAt(expiresAt)
			.build();
	}

}
