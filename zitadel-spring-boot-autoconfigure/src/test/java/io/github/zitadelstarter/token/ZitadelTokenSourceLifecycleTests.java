package io.github.zitadelstarter.token;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.github.zitadelstarter.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static io.github.zitadelstarter.token.FakeFetcher.endpointFailure;
import static io.github.zitadelstarter.token.ZitadelTokenSourceFailureMemoryTests.ONE_ATTEMPT;
import static io.github.zitadelstarter.token.ZitadelTokenSourceFailureMemoryTests.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refreshes run on schedule whether or not calls arrive, honour what a failure asks for,
 * and stop with the source: an idle application never meets an expired token, and a closed
 * one makes no token request.
 */
class ZitadelTokenSourceLifecycleTests {

	private final MutableClock clock = new MutableClock();

	private final FakeFetcher fetcher = new FakeFetcher(this.clock);

	private final ZitadelTokenSource source = new ZitadelTokenSource(this.fetcher, ONE_ATTEMPT,
			ZitadelTokenSource.Settings.defaults(), this.clock, this.clock.scheduler());

	@Test
	void anApplicationIdleThroughTheRefreshWindowFindsAFreshTokenOnItsNextCall() {
		assertThat(call(this.source)).isEqualTo("t1");

		// No call for 12 h 1 min: t1 has expired, t2 was fetched 10 min before it did.
		this.clock.advance(Duration.ofHours(12).plusMinutes(1));

		assertThat(this.fetcher.requests()).isEqualTo(2);
		assertThat(this.source.getUsableToken()).as("a call would not wait").isNotNull();
		assertThat(call(this.source)).isEqualTo("t2");
		assertThat(this.fetcher.requests()).isEqualTo(2);
	}

	@Test
	void shortTokensAreRefreshedOnScheduleSoThatNoCallAfterTheFirstWaits() {
		this.fetcher.answersTokens(Duration.ofSeconds(20));
		assertThat(call(this.source)).isEqualTo("t1");

		for (int second = 1; second <= 120; second++) {
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(this.source.getUsableToken()).as("a usable token at %d s", second).isNotNull();
		}
		// Refreshed every 10 s, half-way through each token's life.
		assertThat(this.fetcher.requests()).isEqualTo(13);
	}

	@Test
	void aScheduledRefreshThatFailsIsTriedAgainWhileTheTokenLasts() {
		this.fetcher.answersTokens(Duration.ofSeconds(100));
		assertThat(call(this.source)).isEqualTo("t1");
		this.fetcher.fails(() -> endpointFailure(503, "server_error", null, null));

		this.clock.advance(Duration.ofSeconds(50));
		assertThat(this.fetcher.requests()).isEqualTo(2);
		// An outage: tried again after min(2 s cool-down, a quarter of the 40 s left).
		this.fetcher.answersTokens(Duration.ofSeconds(100));
		this.clock.advance(Duration.ofSeconds(2));

		assertThat(this.fetcher.requests()).isEqualTo(3);
		assertThat(call(this.source)).isEqualTo("t2");
	}

	@Test
	void aScheduledRefreshWaitsForTheCoolDownOfARefusal() {
		this.fetcher.answersTokens(Duration.ofSeconds(20));
		assertThat(call(this.source)).isEqualTo("t1");
		this.fetcher.fails(() -> endpointFailure(400, "invalid_grant", "Errors.User.NotFound", null));

		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.fetcher.requests()).as("the refresh at 10 s").isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.fetcher.requests()).as("again after the 2 s cool-down").isEqualTo(3);
		assertThat(this.source.getNextAttemptAt()).isEqualTo(this.clock.instant().plusSeconds(4));

		// A quarter of the 6 s the token has left would be 1.5 s; the cool-down is 4 s.
		this.clock.advance(Duration.ofMillis(3999));
		assertThat(call(this.source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(3);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.fetcher.requests()).isEqualTo(4);
	}

	@Test
	void aScheduledRefreshWaitsForRetryAfter() {
		this.fetcher.answersTokens(Duration.ofSeconds(100));
		assertThat(call(this.source)).isEqualTo("t1");
		this.fetcher.fails(() -> endpointFailure(429, "server_error", null, Duration.ofSeconds(30)));

		this.clock.advance(Duration.ofSeconds(50));
		assertThat(this.fetcher.requests()).isEqualTo(2);
		this.clock.advance(Duration.ofMillis(29_999));
		assertThat(this.fetcher.requests()).isEqualTo(2);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.fetcher.requests()).isEqualTo(3);
	}

	@Test
	void closingCancelsTheTokenRequestInFlightAndItsCallersAreTold() {
		this.fetcher.answersLater();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		this.source.getToken().subscribe((token) -> {
		}, failure::set);
		assertThat(this.fetcher.requests()).isEqualTo(1);

		this.source.close();

		assertThat(this.fetcher.cancelled()).isEqualTo(1);
		assertThat(failure.get()).isInstanceOf(ZitadelTokenException.class).hasMessageContaining("closed");
		assertThat(this.source.getLastFailure()).as("shutting down is no failure to remember").isNull();
	}

	@Test
	void aClosedSourceStartsNoTokenRequestAndSchedulesNoRefresh() {
		this.fetcher.answersTokens(Duration.ofSeconds(20));
		assertThat(call(this.source)).isEqualTo("t1");

		this.source.close();
		this.clock.advance(Duration.ofSeconds(15));

		assertThat(this.fetcher.requests()).as("no refresh after close").isEqualTo(1);
		assertThat(call(this.source)).as("a token still usable is still handed out").isEqualTo("t1");
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(call(this.source)).isInstanceOfSatisfying(ZitadelTokenException.class,
				(ex) -> assertThat(ex).hasMessageContaining("closed"));
		assertThat(this.fetcher.requests()).isEqualTo(1);
	}

	@Test
	void aTokenArrivingAfterCloseIsNeitherCachedNorRefreshed() {
		this.fetcher.answersLater();
		this.source.getToken().subscribe((token) -> {
		}, (ex) -> {
		});
		this.source.close();

		this.fetcher.pending(0).tryEmitValue(this.fetcher.token(Duration.ofSeconds(20)));
		this.clock.advance(Duration.ofSeconds(30));

		OAuth2AccessToken cached = this.source.getCachedToken();
		assertThat(cached).isNull();
		assertThat(this.fetcher.requests()).isEqualTo(1);
	}

}
