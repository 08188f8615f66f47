package io.github.zitadelstarter.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.github.zitadelstarter.testsupport.MutableClock;
import io.github.zitadelstarter.token.TokenEndpointException;
import io.github.zitadelstarter.token.TokenRequestRetry;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code outcome} of each token acquisition, and of each call that failed fast.
 */
class ObservationTokenAcquisitionObserverTests {

	private final MutableClock clock = new MutableClock();

	private final List<String> outcomes = new CopyOnWriteArrayList<>();

	@Test
	void aTokenIsASuccess() {
		ZitadelTokenSource source = source(() -> Mono.just(token()));

		source.getTokenBlocking();

		assertThat(this.outcomes).containsExactly("success|false");
	}

	@Test
	void aRefusalIsRejectedAndTheCallsThatFollowAreCoolingDown() {
		ZitadelTokenSource source = source(() -> Mono.error(answer(400, "invalid_grant", null, null)));

		call(source);
		call(source);

		assertThat(this.outcomes).containsExactly("rejected|false", "cooling-down|false");
	}

	@Test
	void aRejectedAssertionIsRejected() {
		call(source(() -> Mono.error(answer(500, "server_error", "Errors.Internal", null))));

		assertThat(this.outcomes).containsExactly("rejected|false");
	}

	@Test
	void a429IsRateLimited() {
		call(source(() -> Mono.error(answer(429, "server_error", null, Duration.ofSeconds(5)))));

		assertThat(this.outcomes).containsExactly("rate-limited|false");
	}

	@Test
	void anOutageIsAnError() {
		call(source(() -> Mono.error(answer(503, "server_error", null, null))));

		assertThat(this.outcomes).containsExactly("error|false");
	}

	@Test
	void noAnswerInTimeIsATimeout() {
		ZitadelTokenSource source = new ZitadelTokenSource(Mono::never, oneAttempt(),
				new ZitadelTokenSource.Settings(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(2),
						Duration.ofMinutes(1), Duration.ofMinutes(5)),
				this.clock, this.clock.scheduler());
		source.setObserver(observer());

		call(source);

		// The caller's own wait may end a moment before the acquisition does.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.outcomes).containsExactly("timeout|false"));
	}

	@Test
	void aBackgroundRefreshIsTaggedSo() {
		ZitadelTokenSource source = source(() -> Mono.just(token()));
		source.getTokenBlocking();
		this.clock.advance(Duration.ofHours(12).minusMinutes(5));

		source.getTokenBlocking();

		assertThat(this.outcomes).containsExactly("success|false", "success|true");
	}

	@Test
	void aCoolDownIsNotMistakenForTheTimeoutItRemembers() {
		ZitadelTokenSource source = new ZitadelTokenSource(Mono::never, oneAttempt(),
				new ZitadelTokenSource.Settings(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(2),
						Duration.ofMinutes(1), Duration.ofMinutes(5)),
				this.clock, this.clock.scheduler());
		call(source);
		await().atMost(Duration.ofSeconds(20)).until(() -> source.getLastFailure() != null);
		call(source);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> source.getNextAttemptAt() != null && source.getNextAttemptAt().isAfter(this.clock.instant()));

		assertThat(ObservationTokenAcquisitionObserver.outcome(call(source))).isEqualTo("cooling-down");
	}

	private ZitadelTokenSource source(Supplier<Mono<OAuth2AccessToken>> answer) {
		ZitadelTokenSource source = new ZitadelTokenSource(answer::get, oneAttempt(),
				ZitadelTokenSource.Settings.defaults(), this.clock, this.clock.scheduler());
		source.setObserver(observer());
		return source;
	}

	private ObservationTokenAcquisitionObserver observer() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				ObservationTokenAcquisitionObserverTests.this.outcomes
					.add(context.getLowCardinalityKeyValue("outcome").getValue() + "|"
							+ context.getLowCardinalityKeyValue("background").getValue());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		return new ObservationTokenAcquisitionObserver(registry);
	}

	private OAuth2AccessToken token() {
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "t", this.clock.instant(),
				this.clock.instant().plus(Duration.ofHours(12)));
	}

	private static TokenEndpointException answer(int status, String error, String description, Duration retryAfter) {
		return new TokenEndpointException(status, new OAuth2Error(error, description, null), retryAfter);
	}

	private static TokenRequestRetry oneAttempt() {
		return new TokenRequestRetry(1, 1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1));
	}

	private static ZitadelTokenException call(ZitadelTokenSource source) {
		try {
			source.getTokenBlocking();
			throw new AssertionError("a token, where a failure was expected");
		}
		catch (ZitadelTokenException ex) {
			return ex;
		}
	}

}
