package io.github.zitadelstarter.token;

import java.time.Duration;

import io.github.zitadelstarter.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static io.github.zitadelstarter.token.ZitadelTokenSourceFailureMemoryTests.ONE_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token that an API refused (401) is replaced, but not on every refusal: an API that
 * refuses every token causes a handful of token requests, not a storm.
 */
class ZitadelTokenSourceRefusalTests {

	private final MutableClock clock = new MutableClock();

	private final FakeFetcher fetcher = new FakeFetcher(this.clock);

	private final ZitadelTokenSource source = new ZitadelTokenSource(this.fetcher, ONE_ATTEMPT,
			ZitadelTokenSource.Settings.defaults(), this.clock, this.clock.scheduler());

	@Test
	void aRefusedTokenIsDroppedAndTheCallerToldToTryAgain() {
		OAuth2AccessToken refused = token();

		assertThat(this.source.invalidate(refused)).isTrue();

		assertThat(this.source.getCachedToken()).isNull();
		assertThat(token().getTokenValue()).isEqualTo("t2");
	}

	@Test
	void aTokenThatWasAlreadyReplacedLeavesTheNewOneAlone() {
		OAuth2AccessToken refused = token();
		this.source.invalidate(refused);
		token();

		assertThat(this.source.invalidate(refused)).isTrue();

		assertThat(this.source.getCachedToken().getTokenValue()).isEqualTo("t2");
		assertThat(this.fetcher.requests()).isEqualTo(2);
	}

	@Test
	void refusalsWithinTheCoolDownKeepTheTokenAndReachTheCaller() {
		this.source.invalidate(token());
		OAuth2AccessToken second = token();

		assertThat(this.source.invalidate(second)).isFalse();
		assertThat(this.source.getCachedToken()).isSameAs(second);

		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.source.invalidate(second)).isTrue();
		OAuth2AccessToken third = token();
		this.clock.advance(Duration.ofMillis(3999));
		assertThat(this.source.invalidate(third)).as("the cool-down doubled").isFalse();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.source.invalidate(third)).isTrue();
	}

	@Test
	void theCoolDownStartsOverAfterAQuietPeriod() {
		this.source.invalidate(token());
		this.clock.advance(Duration.ofSeconds(2));
		this.source.invalidate(token());
		this.clock.advance(Duration.ofSeconds(4).plus(Duration.ofMinutes(1)));
		this.source.invalidate(token());
		OAuth2AccessToken fresh = token();

		this.clock.advance(Duration.ofMillis(1999));
		assertThat(this.source.invalidate(fresh)).isFalse();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.source.invalidate(fresh)).isTrue();
	}

	@Test
	void anApiThatRefusesEveryTokenCausesAHandfulOfTokenRequests() {
		int apiCalls = 0;
		// 20 callers every 100 ms for 10 s, each sending its call again when told to.
		for (int tick = 0; tick < 100; tick++) {
			for (int caller = 0; caller < 20; caller++) {
				OAuth2AccessToken token = this.source.getTokenBlocking();
				apiCalls++;
				if (this.source.invalidate(token)) {
					this.source.getTokenBlocking();
					apiCalls++;
				}
			}
			this.clock.advance(Duration.ofMillis(100));
		}

		assertThat(apiCalls).as("three calls sent again").isEqualTo(2000 + 3);
		// Dropped at 0, 2 and 6 s: the first token and three more.
		assertThat(this.fetcher.requests()).isEqualTo(4);
	}

	private OAuth2AccessToken token() {
		return this.source.getTokenBlocking();
	}

}
