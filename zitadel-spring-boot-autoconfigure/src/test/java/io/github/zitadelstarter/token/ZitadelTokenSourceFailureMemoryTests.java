package io.github.zitadelstarter.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.zitadelstarter.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.zitadelstarter.token.FakeFetcher.endpointFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * After a failed acquisition the token source remembers until when it must not ask ZITADEL
 * again, and callers without a usable token fail fast meanwhile.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZitadelTokenSourceFailureMemoryTests {

	static final TokenRequestRetry ONE_ATTEMPT = new TokenRequestRetry(1, 1, Duration.ofMillis(1),
			Duration.ofMillis(1), Duration.ofSeconds(1));

	private final MutableClock clock = new MutableClock();

	private final FakeFetcher fetcher = new FakeFetcher(this.clock);

	private final ZitadelTokenSource source = new ZitadelTokenSource(this.fetcher, ONE_ATTEMPT,
			ZitadelTokenSource.Settings.defaults(), this.clock, this.clock.scheduler());

	@Test
	void aRetryAfterOfAnHourMeansOneTokenRequestForAHundredCalls() {
		this.fetcher.fails(() -> endpointFailure(429, "server_error", null, Duration.ofHours(1)));
		Instant start = this.clock.instant();

		List<Object> outcomes = callEvery100MillisFor(100);

		assertThat(this.fetcher.requests()).isEqualTo(1);
		assertThat(outcomes.get(0)).isExactlyInstanceOf(ZitadelTokenException.class);
		assertThat(outcomes.subList(1, 100)).allSatisfy(
				(outcome) -> assertThat(outcome).isInstanceOf(ZitadelTokenCoolDownException.class));
		assertThat(this.source.getNextAttemptAt()).as("Retry-After capped at maxRetryAfter")
			.isEqualTo(start.plus(Duration.ofMinutes(5)));
	}

	@Test
	void aStandingRefusalCausesAHandfulOfTokenRequests() {
		this.fetcher.fails(() -> endpointFailure(400, "invalid_grant", "Errors.User.NotFound", null));

		callEvery100MillisFor(100);

		// Pauses of 2, 4 and 8 s: requests at 0, 2 and 6 s.
		assertThat(this.fetcher.requests()).isEqualTo(3);
	}

	@Test
	void aRejectedAssertionIsARefusalFromTheFirstFailure() {
		this.fetcher.fails(() -> endpointFailure(500, "server_error", "Errors.Internal", null));
		Instant start = this.clock.instant();

		call();

		assertThat(this.source.getNextAttemptAt()).isEqualTo(start.plusSeconds(2));
		assertThat(call()).isInstanceOf(ZitadelTokenCoolDownException.class);
		assertThat(this.fetcher.requests()).isEqualTo(1);
	}

	@Test
	void theCoolDownAfterRefusalsDoublesUpToItsMaximum() {
		this.fetcher.fails(() -> endpointFailure(401, "invalid_client", null, null));

		assertThat(pausesAfterEachFailure(8)).containsExactly(seconds(2), seconds(4), seconds(8), seconds(16),
				seconds(32), seconds(60), seconds(60), seconds(60));
	}

	@Test
	void anOutageIsPausedFromTheSecondConsecutiveFailure() {
		this.fetcher.fails(() -> endpointFailure(503, "server_error", "HTTP 503 without an OAuth2 error body", null));

		assertThat(pausesAfterEachFailure(8)).containsExactly(Duration.ZERO, seconds(2), seconds(4), seconds(8),
				seconds(16), seconds(32), seconds(60), seconds(60));
	}

	@Test
	void anUnreachableEndpointIsPausedLikeAnOutage() {
		this.fetcher.fails(FakeFetcher::unreachable);

		assertThat(pausesAfterEachFailure(3)).containsExactly(Duration.ZERO, seconds(2), seconds(4));
	}

	@Test
	void aRetryAfterLongerThanTheCoolDownWins() {
		this.fetcher.fails(() -> endpointFailure(429, "server_error", null, Duration.ofSeconds(30)));

		assertThat(pausesAfterEachFailure(2)).containsExactly(seconds(30), seconds(30));
	}

	@Test
	void aFastFailSaysWhenTheNextAttemptIsAllowedAndWhyTheLastOneFailed() {
		ZitadelTokenException refusal = endpointFailure(400, "invalid_grant", "Errors.User.NotFound", null);
		this.fetcher.fails(() -> refusal);
		Instant start = this.clock.instant();
		assertThat(call()).as("an exception of the caller's own").isNotSameAs(refusal)
			.isInstanceOfSatisfying(ZitadelTokenException.class, (ex) -> {
				assertThat(ex).hasMessage(refusal.getMessage());
				assertThat(ex.getEndpointFailure()).isSameAs(refusal.getEndpointFailure());
			});
		this.clock.advance(Duration.ofMillis(500));

		assertThatExceptionOfType(ZitadelTokenCoolDownException.class).isThrownBy(this.source::getTokenBlocking)
			.withMessageContaining("not asked again before " + start.plusSeconds(2) + " (in 1500 ms)")
			.withMessageContaining(refusal.getMessage())
			.withMessageContaining("HTTP 400, error 'invalid_grant' (Errors.User.NotFound)")
			.withMessageNotContaining("signed-assertion")
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_grant");
				assertThat(ex.getEndpointFailure()).isSameAs(refusal.getEndpointFailure());
				assertThat(ex.getCause()).isSameAs(refusal);
				assertThat(ex.getNextAttemptAt()).isEqualTo(start.plusSeconds(2));
			});
		assertThat(this.source.getLastFailure()).isSameAs(refusal);
		assertThat(this.fetcher.requests()).isEqualTo(1);
	}

	@Test
	void aSuccessClearsTheMemory() {
		this.fetcher.fails(() -> endpointFailure(400, "invalid_grant", null, null));
		call();
		this.clock.advance(Duration.ofSeconds(2));
		call();
		assertThat(this.source.getNextAttemptAt()).isEqualTo(this.clock.instant().plusSeconds(4));
		this.clock.advance(Duration.ofSeconds(4));
		this.fetcher.answersTokens(Duration.ofHours(12));

		assertThat(call()).isEqualTo("t1");

		assertThat(this.source.getLastFailure()).isNull();
		assertThat(this.source.getNextAttemptAt()).isNull();
		this.source.invalidate(this.source.getCachedToken());
		this.fetcher.fails(() -> endpointFailure(400, "invalid_grant", null, null));
		call();
		assertThat(this.source.getNextAttemptAt()).as("the cool-down starts over")
			.isEqualTo(this.clock.instant().plusSeconds(2));
	}

	@Test
	void aUsableTokenIsStillHandedOutWhileRefreshesFail() {
		this.fetcher.answersTokens(Duration.ofSeconds(100));
		assertThat(call()).isEqualTo("t1");
		this.fetcher.fails(() -> endpointFailure(400, "invalid_grant", null, null));
		this.clock.advance(Duration.ofSeconds(50));

		// Refreshes are due from 50 s on; the token is handed out until 90 s.
		List<Object> outcomes = callEvery100MillisFor(400);

		assertThat(outcomes).containsOnly("t1");
		assertThat(this.source.getLastFailure()).isNotNull();
		// A refusal's cool-down is honoured, however little the token has left: refreshes
		// at 50, 52, 56, 64 and 80 s, the next not before 112 s.
		assertThat(this.fetcher.requests()).isEqualTo(6);
		assertThat(call()).isInstanceOf(ZitadelTokenCoolDownException.class);
	}

	@Test
	void aUsableTokenIsStillHandedOutWhileRefreshesMeetAnOutage() {
		this.fetcher.answersTokens(Duration.ofSeconds(100));
		assertThat(call()).isEqualTo("t1");
		this.fetcher.fails(() -> endpointFailure(503, "server_error", null, null));
		this.clock.advance(Duration.ofSeconds(50));

		List<Object> outcomes = callEvery100MillisFor(400);

		assertThat(outcomes).containsOnly("t1");
		// Each retry within a quarter of what the token has left: a few, closer together
		// as the end nears, about log(40 s / 1 s) / log(4/3), then every 250 ms in the last
		// second; every one of them is made, none is lost to a rescheduling race.
		assertThat(this.fetcher.requests()).isBetween(8, 21);
	}

	@Test
	void aFailureIsLoggedOnceAMinuteAtWarn(CapturedOutput output) {
		this.fetcher.fails(() -> endpointFailure(503, "server_error", "HTTP 503 without an OAuth2 error body", null));
		for (int i = 0; i < 3; i++) {
			call();
			this.clock.advance(Duration.ofSeconds(10));
		}
		assertThat(this.fetcher.requests()).isEqualTo(3);
		assertThat(warnings(output)).hasSize(1);
		assertThat(warnings(output).get(0)).contains("HTTP 503").doesNotContain("signed-assertion");

		this.fetcher.fails(() -> endpointFailure(400, "invalid_grant", null, null));
		call();
		assertThat(warnings(output)).as("another kind of failure").hasSize(2);

		this.clock.advance(Duration.ofMinutes(2));
		this.fetcher.fails(() -> endpointFailure(503, "server_error", "HTTP 503 without an OAuth2 error body", null));
		call();
		assertThat(warnings(output)).as("a minute later").hasSize(3);
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("WARN") && line.contains("ZITADEL")).toList();
	}

	/** Fails this many times in a row, each time as soon as allowed, and returns the pauses. */
	private List<Duration> pausesAfterEachFailure(int failures) {
		List<Duration> pauses = new ArrayList<>();
		for (int i = 0; i < failures; i++) {
			Instant before = this.clock.instant();
			assertThat(call()).isExactlyInstanceOf(ZitadelTokenException.class);
			Duration pause = Duration.between(before, this.source.getNextAttemptAt());
			pauses.add(pause);
			if (!pause.isZero()) {
				this.clock.advance(pause.minusMillis(1));
				assertThat(call()).isInstanceOf(ZitadelTokenCoolDownException.class);
				this.clock.advance(Duration.ofMillis(1));
			}
		}
		assertThat(this.fetcher.requests()).isEqualTo(failures);
		return pauses;
	}

	private List<Object> callEvery100MillisFor(int calls) {
		List<Object> outcomes = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			outcomes.add(call());
			this.clock.advance(Duration.ofMillis(100));
		}
		return outcomes;
	}

	private Object call() {
		return call(this.source);
	}

	/** The token's value, or the exception the caller got. */
	static Object call(ZitadelTokenSource source) {
		try {
			return source.getToken().block(Duration.ofSeconds(30)).getTokenValue();
		}
		catch (ZitadelTokenException ex) {
			return ex;
		}
	}

	private static Duration seconds(long seconds) {
		return Duration.ofSeconds(seconds);
	}

}
