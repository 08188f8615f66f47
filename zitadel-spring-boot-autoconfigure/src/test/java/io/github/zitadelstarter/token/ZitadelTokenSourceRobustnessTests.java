package io.github.zitadelstarter.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.zitadelstarter.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static io.github.zitadelstarter.token.ZitadelTokenSourceFailureMemoryTests.ONE_ATTEMPT;
import static io.github.zitadelstarter.token.ZitadelTokenSourceFailureMemoryTests.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Whatever the fetcher, the observer or the callers do, the token source ends every
 * acquisition, bounds every wait, and lets the next caller start afresh.
 */
class ZitadelTokenSourceRobustnessTests {

	private static final ZitadelTokenSource.Settings SHORT_WAIT = new ZitadelTokenSource.Settings(
			Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(5));

	private final MutableClock clock = new MutableClock();

	private final FakeFetcher fetcher = new FakeFetcher(this.clock);

	@Test
	void aFetcherThatCompletesEmptyFailsItsCallersAndFreesTheSlot() {
		ZitadelTokenSource source = source(ZitadelTokenSource.Settings.defaults());
		this.fetcher.answers(Mono::empty);

		assertThat(call(source)).isInstanceOfSatisfying(ZitadelTokenException.class,
				(ex) -> assertThat(ex).hasMessageContaining("completed without a token"));

		this.fetcher.answersTokens(Duration.ofHours(12));
		assertThat(call(source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(2);
	}

	@Test
	void aFetcherThatThrowsFailsItsCallersAndFreesTheSlot() {
		AtomicInteger calls = new AtomicInteger();
		FakeFetcher tokens = new FakeFetcher(this.clock);
		ZitadelTokenSource source = new ZitadelTokenSource(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("signing failed");
			}
			return tokens.fetchToken();
		}, ONE_ATTEMPT, ZitadelTokenSource.Settings.defaults(), this.clock, this.clock.scheduler());

		assertThat(call(source)).isInstanceOfSatisfying(ZitadelTokenException.class,
				(ex) -> assertThat(ex).hasMessageContaining("IllegalStateException: signing failed"));

		assertThat(call(source)).isEqualTo("t1");
		assertThat(calls).hasValue(2);
	}

	@Test
	void aFetcherThatReturnsNullFailsItsCallersAndFreesTheSlot() {
		AtomicInteger calls = new AtomicInteger();
		FakeFetcher tokens = new FakeFetcher(this.clock);
		ZitadelTokenSource source = new ZitadelTokenSource(
				() -> (calls.incrementAndGet() == 1) ? null : tokens.fetchToken(), ONE_ATTEMPT,
				ZitadelTokenSource.Settings.defaults(), this.clock, this.clock.scheduler());

		assertThat(call(source)).isInstanceOf(ZitadelTokenException.class);
		assertThat(call(source)).isEqualTo("t1");
	}

	@Test
	void anObserverThatThrowsFailsItsCallersAndFreesTheSlot() {
		ZitadelTokenSource source = source(ZitadelTokenSource.Settings.defaults());
		source.setObserver((acquisition, background) -> {
			throw new IllegalStateException("observation registry broken");
		});

		assertThat(call(source)).isInstanceOfSatisfying(ZitadelTokenException.class,
				(ex) -> assertThat(ex).hasMessageContaining("observation registry broken"));

		source.setObserver(TokenAcquisitionObserver.NONE);
		assertThat(call(source)).isEqualTo("t1");
	}

	@Test
	void anObserverThatSwallowsTheTokenFailsItsCallersAndFreesTheSlot() {
		ZitadelTokenSource source = source(ZitadelTokenSource.Settings.defaults());
		source.setObserver((acquisition, background) -> acquisition.then(Mono.empty()));

		assertThat(call(source)).isInstanceOf(ZitadelTokenException.class);

		source.setObserver(TokenAcquisitionObserver.NONE);
		assertThat(call(source)).isEqualTo("t2");
	}

	@Test
	void aCallerThatCancelsDoesNotCancelTheRequestOthersWaitFor() {
		ZitadelTokenSource source = source(ZitadelTokenSource.Settings.defaults());
		this.fetcher.answersLater();
		Disposable impatient = source.getToken().subscribe();
		AtomicReference<OAuth2AccessToken> patient = new AtomicReference<>();
		source.getToken().subscribe(patient::set);

		impatient.dispose();
		this.fetcher.pending(0).tryEmitValue(this.fetcher.token(Duration.ofHours(12)));

		assertThat(patient.get().getTokenValue()).isEqualTo("t1");
		assertThat(this.fetcher.cancelled()).isZero();
		assertThat(this.fetcher.requests()).isEqualTo(1);
	}

	@Test
	void aTokenIsCachedEvenWhenEveryCallerHasCancelled() {
		ZitadelTokenSource source = source(ZitadelTokenSource.Settings.defaults());
		this.fetcher.answersLater();
		source.getToken().subscribe().dispose();

		this.fetcher.pending(0).tryEmitValue(this.fetcher.token(Duration.ofHours(12)));

		assertThat(source.getCachedToken().getTokenValue()).isEqualTo("t1");
		assertThat(call(source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(1);
	}

	@Test
	void blockingCallersWaitNoLongerThanMaxWait() {
		ZitadelTokenSource source = source(SHORT_WAIT);
		this.fetcher.answers(Mono::never);

		assertThatExceptionOfType(ZitadelTokenException.class).isThrownBy(source::getTokenBlocking)
			.withMessageContaining("no access token within 200 ms");

		await().atMost(Duration.ofSeconds(20)).until(() -> source.getLastFailure() != null);
		assertThat(this.fetcher.cancelled()).as("the request itself is cut off").isEqualTo(1);
		this.fetcher.answersTokens(Duration.ofHours(12));
		assertThat(source.getTokenBlocking().getTokenValue()).isEqualTo("t1");
	}

	@Test
	void reactiveCallersWaitNoLongerThanMaxWait() {
		ZitadelTokenSource source = source(SHORT_WAIT);
		this.fetcher.answers(Mono::never);

		assertThat(call(source)).isInstanceOfSatisfying(ZitadelTokenException.class,
				(ex) -> assertThat(ex).hasMessageContaining("no access token within 200 ms"));
	}

	@Test
	void anObserverThatNeverEndsDelaysNoCallerAndIsCutOff() {
		ZitadelTokenSource source = source(SHORT_WAIT);
		source.setObserver((acquisition, background) -> Mono.never());

		assertThatExceptionOfType(ZitadelTokenException.class).isThrownBy(source::getTokenBlocking)
			.withMessageContaining("no access token within 200 ms");

		await().atMost(Duration.ofSeconds(20)).until(() -> source.getLastFailure() != null);
		source.setObserver(TokenAcquisitionObserver.NONE);
		assertThat(call(source)).isEqualTo("t1");
	}

	@Test
	void theObserverSeesEveryAcquisitionAndEveryFastFail() {
		ZitadelTokenSource source = source(ZitadelTokenSource.Settings.defaults());
		AtomicInteger observed = new AtomicInteger();
		source.setObserver((acquisition, background) -> acquisition.doOnSubscribe((s) -> observed.incrementAndGet()));
		this.fetcher.fails(() -> FakeFetcher.endpointFailure(400, "invalid_grant", null, null));

		for (int i = 0; i < 5; i++) {
			call(source);
		}

		assertThat(this.fetcher.requests()).isEqualTo(1);
		assertThat(observed).hasValue(5);
	}

	@Test
	void aCallerGivesUpAfterMaxWaitWhileTheTokenRequestGoesOnForLaterCallers() {
		ZitadelTokenSource source = source(new ZitadelTokenSource.Settings(Duration.ofSeconds(45),
				Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(5)));
		this.fetcher.answersLater();

		assertThatExceptionOfType(ZitadelTokenException.class).isThrownBy(source::getTokenBlocking)
			.withMessageContaining("no access token within 200 ms (zitadel.token.max-wait)")
			.withMessageContaining("the token request goes on");
		assertThat(call(source)).as("a reactive caller gives up too").isInstanceOf(ZitadelTokenException.class);

		assertThat(this.fetcher.cancelled()).as("the token request is not cut off").isZero();
		assertThat(source.getLastFailure()).as("a caller giving up is no failure to remember").isNull();
		this.fetcher.pending(0).tryEmitValue(this.fetcher.token(Duration.ofHours(12)));
		assertThat(call(source)).isEqualTo("t1");
		assertThat(this.fetcher.requests()).isEqualTo(1);
	}

	@Test
	void eachCallerGetsAnExceptionOfItsOwnAndTheRememberedFailureDoesNotGrow() throws Exception {
		ZitadelTokenSource source = source(ZitadelTokenSource.Settings.defaults());
		this.fetcher.answersLater();
		List<Throwable> caught = new CopyOnWriteArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> callers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				callers.add(threads.submit(() -> {
					try {
						source.getTokenBlocking();
					}
					catch (ZitadelTokenException ex) {
						caught.add(ex);
					}
				}));
			}
			for (int i = 0; i < 4; i++) {
				source.getToken().checkpoint("reactive caller " + i).subscribe((token) -> {
				}, caught::add);
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> this.fetcher.requests() == 1);
			// Let the blocking callers reach their wait before the failure arrives.
			await().atMost(Duration.ofSeconds(20))
				.until(() -> threads instanceof ThreadPoolExecutor pool
						&& pool.getActiveCount() == 4);
			this.fetcher.pending(0).tryEmitError(FakeFetcher.endpointFailure(400, "invalid_grant", null, null));
			for (Future<?> caller : callers) {
				caller.get(20, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(caught).hasSize(8).doesNotHaveDuplicates();
		assertThat(caught).allSatisfy((ex) -> assertThat(ex).hasMessageContaining("HTTP 400"));
		assertThat(caught.stream().filter((ex) -> ex.getSuppressed().length > 0))
			.as("block() and checkpoint() did add to each caller's own exception").isNotEmpty();
		ZitadelTokenException remembered = source.getLastFailure();
		assertThat(remembered).isNotNull();
		assertThat(remembered.getSuppressed()).isEmpty();
		assertThat(caught).doesNotContain(remembered);
		for (int i = 0; i < 100; i++) {
			assertThatExceptionOfType(ZitadelTokenCoolDownException.class).isThrownBy(source::getTokenBlocking)
				.withCause(remembered);
		}
		assertThat(remembered.getSuppressed()).isEmpty();
	}

	private ZitadelTokenSource source(ZitadelTokenSource.Settings settings) {
		return new ZitadelTokenSource(this.fetcher, ONE_ATTEMPT, settings, this.clock, this.clock.scheduler());
	}

}
