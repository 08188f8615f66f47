package io.github.zitadelstarter.observation;

import java.time.Clock;
import java.time.Duration;

import io.github.zitadelstarter.token.ZitadelTokenSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The gauge {@value #EXPIRY}: seconds until the current access token expires, negative once
 * it has, {@code NaN} before the first token.
 */
public final class ZitadelTokenMetrics implements MeterBinder {

	public static final String EXPIRY = "zitadel.token.expiry";

	private final ZitadelTokenSource tokenSource;

	private final Clock clock;

	public ZitadelTokenMetrics(ZitadelTokenSource tokenSource, Clock clock) {
		this.tokenSource = tokenSource;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(EXPIRY, this, ZitadelTokenMetrics::secondsUntilExpiry)
			.description("Seconds until the current ZITADEL access token expires")
			.baseUnit("seconds")
			.register(registry);
	}

	private double secondsUntilExpiry() {
		OAuth2AccessToken token = this.tokenSource.getCachedToken();
		if (token == null || token.getExpiresAt() == null) {
			return Double.NaN;
		}
		return Duration.between(this.clock.instant(), token.getExpiresAt()).toMillis() / 1000.0;
	}

}
