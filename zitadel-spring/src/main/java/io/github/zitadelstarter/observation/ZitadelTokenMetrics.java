package io.github.zitadelstarter.observation;

import java.time.Clock;
import java.time.Duration;

import io.github.zitadelstarter.assertion.ZitadelClock;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The gauges {@value #EXPIRY}: seconds until the current access token expires, negative once
 * it has, {@code NaN} before the first token; and {@value #CLOCK_OFFSET}: seconds by which
 * ZITADEL's clock is ahead of this machine's, as applied to assertions.
 */
public final class ZitadelTokenMetrics implements MeterBinder {

	public static final String EXPIRY = "zitadel.token.expiry";

	public static final String CLOCK_OFFSET = "zitadel.clock.offset";

	private final ZitadelTokenSource tokenSource;

	private final Clock clock;

	private final @Nullable ZitadelClock zitadelClock;

	/**
	 * Creates the gauges.
	 * @param tokenSource the token source whose token's expiry to show
	 * @param clock this machine's clock
	 * @param zitadelClock ZITADEL's clock as learned from its answers, when assertions are
	 * dated by it
	 */
	public ZitadelTokenMetrics(ZitadelTokenSource tokenSource, Clock clock, @Nullable ZitadelClock zitadelClock) {
		this.tokenSource = tokenSource;
		this.clock = clock;
		this.zitadelClock = zitadelClock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(EXPIRY, this, ZitadelTokenMetrics::secondsUntilExpiry)
			.description("Seconds until the current ZITADEL access token expires")
			.baseUnit("seconds")
			.register(registry);
		ZitadelClock zitadelClock = this.zitadelClock;
		if (zitadelClock != null) {
			Gauge.builder(CLOCK_OFFSET, zitadelClock, (clock) -> clock.getOffset().toMillis() / 1000.0)
				.description("Seconds by which ZITADEL's clock is ahead of this machine's, as applied to assertions")
				.baseUnit("seconds")
				.register(registry);
		}
	}

	private double secondsUntilExpiry() {
		OAuth2AccessToken token = this.tokenSource.getCachedToken();
		if (token == null || token.getExpiresAt() == null) {
			return Double.NaN;
		}
		return Duration.between(this.clock.instant(), token.getExpiresAt()).toMillis() / 1000.0;
	}

}
