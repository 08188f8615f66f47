package io.github.zitadelstarter.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zitadelstarter.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static io.github.zitadelstarter.token.FakeFetcher.endpointFailure;
import static io.github.zitadelstarter.token.ZitadelTokenSourceFailureMemoryTests.ONE_ATTEMPT;
import static io.github.zitadelstarter.token.ZitadelTokenSourceFailureMemoryTests.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens are refreshed with headroom, once however many callers pass by, and a failed
 * refresh keeps the token in use and is tried again within the time it has left, never
 * sooner than planned.
 */
class ZitadelTokenSourceRefreshTests {

	private final MutableClock clock = new MutableClock();

	private final FakeFetcher fetcher = new FakeFetcher(this.clock);

	private final ZitadelTokenSource source = new ZitadelTokenSource(this.fetcher, ONE_ATTEMPT,
			ZitadelTokenSource.Settings.defaults(), this.clock, this.clock.scheduler());

	private final ExecutorService threads = Executors.newFixedThreadPool(9);

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	/** The numbers the README and the Javadoc give, pinned. */
	@Test
	void aTokenIsRefreshedHalfWayThroughItsLifeAtMostTenMinutesBeforeItExpires() {
		assertTimes(Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(18));
		assertTimes(Duration.ofSeconds(100), Duration.ofSeconds(50), Duration.ofSeconds(90));
		assertTimes(Duration.ofMinutes(5), Duration.ofSeconds(150), Duration.ofSeconds(270));
		assertTimes(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(10).minusSeconds(30));
		assertTimes(Duration.ofHours(12), Duration.ofHours(12).minusMinutes(10),
				Duration.ofHours(12).minusSeconds(30));
	}

	private void assertTimes(Duration lifetime, Duration refreshAfter, Duration usableFor) {
		Instant now = this.clock.instant();
		ZitadelTokenSource.CachedToken token = ZitadelTokenSource.CachedToken.of(this.fetcher.token(lifetime), now);
		assertThat(token.refreshAt()).as("refresh of a %s token", lifetime).isEqualTo(now.plus(refreshAfter));
		assertThat(token.usableUntil()).as("end of a %s token", lifetime).isEqualTo(now.plus(usableFor));
	}

	@Test
	void aShortTokenIsRefreshedInTheBackgroundHalfWayThrough() {
		this.fetcher.answersTokens(Duration.ofSeconds(20));
		assertThat(call(this.source)).isEqualTo("t1");
		this.fetcher.answersLater();

		this.clock.advance(Duration.ofMillis(9999));
		assertThat(call(this.source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(1);

		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.fetcher.requests()).isEqualTo(2);
		assertThat(call(this.source)).as("handed out while the refresh runs").isEqualTo("t1");
		this.fetcher.pending(0).tryEmitValue(this.fetcher.token(Duration.ofSeconds(20)));
		assertThat(call(this.source)).isEqualTo("t2");
	}

	@Test
	void aTokenIsNotHandedOutInItsLastTenth() {
		this.fetcher.answersTokens(Duration.ofSeconds(20));
		assertThat(call(this.source)).isEqualTo("t1");
		this.fetcher.answersLater();
		this.clock.advance(Duration.ofSeconds(18));

		Mono<OAuth2AccessToken> waiting = this.source.getToken();
		AtomicInteger received = new AtomicInteger();
		waiting.subscribe((token) -> received.incrementAndGet());

		assertThat(received).as("t1 is not handed out any more").hasValue(0);
		this.fetcher.pending(0).tryEmitValue(this.fetcher.token(Duration.ofSeconds(20)));
		assertThat(received).hasValue(1);
	}

	@Test
	void manyCallersInTheRefreshWindowStartOneRefreshAndNeverWait() throws Exception {
		this.fetcher.answersTokens(Duration.ofSeconds(100));
		assertThat(call(this.source)).isEqualTo("t1");
		this.fetcher.answersLater();
		this.clock.advance(Duration.ofSeconds(60));

		List<String> seen = hammer(2000);

		assertThat(seen).containsOnly("t1");
		assertThat(this.fetcher.requests()).isEqualTo(2);
	}

	@Test
	void aFailedRefreshIsNotStartedAgainBeforeItsDelayWhateverTheCallersDo() throws Exception {
		this.fetcher.answersTokens(Duration.ofSeconds(100));
		assertThat(call(this.source)).isEqualTo("t1");
		this.fetcher.answersLater();
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(call(this.source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(2);

		// Eight threads keep asking while the refresh fails under their feet.
		AtomicBoolean failed = new AtomicBoolean();
		CountDownLatch started = new CountDownLatch(1);
		Future<?> failing = this.threads.submit(() -> {
			await(started);
			this.fetcher.pending(0).tryEmitError(endpointFailure(503, "server_error", null, null));
			failed.set(true);
		});
		List<String> seen = hammerAfter(started, failed, 500);
		failing.get(20, TimeUnit.SECONDS);

		assertThat(seen).containsOnly("t1");
		assertThat(this.fetcher.requests()).isEqualTo(2);
		// The first retry after min(2 s cool-down, a quarter of the 30 s left).
		this.clock.advance(Duration.ofMillis(1999));
		assertThat(call(this.source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(2);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(call(this.source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(3);
	}

	@Test
	void aCallerArrivingAsTheFailedRefreshEndsStartsNothing() {
		this.fetcher.answersTokens(Duration.ofSeconds(100));
		assertThat(call(this.source)).isEqualTo("t1");
		this.fetcher.answersLater();
		List<Object> seenAtTheEnd = new ArrayList<>();
		// Runs right after the acquisition has ended, on the thread that ended it.
		this.source.setObserver((acquisition, background) -> acquisition
			.doFinally((signal) -> seenAtTheEnd.add(call(this.source))));
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(call(this.source)).isEqualTo("t1");

		this.fetcher.pending(0).tryEmitError(endpointFailure(503, "server_error", null, null));

		assertThat(seenAtTheEnd).containsExactly("t1");
		assertThat(this.fetcher.requests()).isEqualTo(2);
	}

	@Test
	void aFailedRefreshHonoursRetryAfter() {
		this.fetcher.answersTokens(Duration.ofHours(12));
		assertThat(call(this.source)).isEqualTo("t1");
		this.fetcher.fails(() -> endpointFailure(429, "server_error", null, Duration.ofSeconds(90)));
		this.clock.advance(Duration.ofHours(12).minusMinutes(10));
		assertThat(call(this.source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(2);

		this.clock.advance(Duration.ofSeconds(89));
		assertThat(call(this.source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(call(this.source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(3);
	}

	@Test
	void anOutageShorterThanTheHeadroomReachesNoCaller() {
		AtomicBoolean down = new AtomicBoolean();
		this.fetcher.answers(() -> down.get() ? Mono.error(endpointFailure(503, "server_error", null, null))
				: Mono.just(this.fetcher.token(Duration.ofSeconds(20))));
		Instant start = this.clock.instant();

		// 20 s tokens: refreshed from 10 s on, handed out until 18 s; ZITADEL is down from
		// 9 s to 16 s, longer than the 8 s a refresh has, shorter than the token's life.
		List<Object> outcomes = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			Duration elapsed = Duration.between(start, this.clock.instant());
			down.set(elapsed.compareTo(Duration.ofSeconds(9)) >= 0 && elapsed.compareTo(Duration.ofSeconds(16)) < 0);
			outcomes.add(call(this.source));
			this.clock.advance(Duration.ofMillis(100));
		}

		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(String.class));
		assertThat(this.fetcher.requests()).as("a few retries during the outage, then one token per 10 s")
			.isBetween(6, 12);
	}

	private List<String> hammer(int callsPerThread) throws Exception {
		return hammerAfter(new CountDownLatch(1), new AtomicBoolean(true), callsPerThread);
	}

	/**
	 * Eight threads, half reactive, half blocking, that release {@code started} once all
	 * are running and each call until {@code done} is set, then this many times more.
	 */
	private List<String> hammerAfter(CountDownLatch started, AtomicBoolean done, int callsAfterDone)
			throws Exception {
		List<Future<List<String>>> results = new ArrayList<>();
		CountDownLatch ready = new CountDownLatch(8);
		for (int t = 0; t < 8; t++) {
			boolean blocking = t % 2 == 0;
			results.add(this.threads.submit(() -> {
				List<String> seen = new ArrayList<>();
				ready.countDown();
				await(ready);
				started.countDown();
				int after = 0;
				while (after < callsAfterDone) {
					if (done.get()) {
						after++;
					}
					seen.add(blocking ? this.source.getTokenBlocking().getTokenValue()
							: this.source.getToken().block(Duration.ofSeconds(20)).getTokenValue());
				}
				return seen;
			}));
		}
		List<String> seen = new ArrayList<>();
		for (Future<List<String>> result : results) {
			seen.addAll(result.get(60, TimeUnit.SECONDS));
		}
		return seen;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
