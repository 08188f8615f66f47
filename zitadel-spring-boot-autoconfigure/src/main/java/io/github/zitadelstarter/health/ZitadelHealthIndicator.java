package io.github.zitadelstarter.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.zitadelstarter.token.ZitadelCallEvidence;
import io.github.zitadelstarter.token.ZitadelCallEvidence.Evidence;
import io.github.zitadelstarter.token.ZitadelTokenCoolDownException;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * UP while ZITADEL would accept a call of the service user now, as far as the starter can
 * know. It reports what the latest API calls and token requests showed (a 401, a connection
 * failure or a failed token request count against it) while that is younger than
 * {@code maxAge}; with no such evidence, it makes one cheap authenticated call (the probe)
 * and reports, and reuses, its outcome. Probes from concurrent checks share one call, so
 * frequent health checks add at most one call to ZITADEL per {@code maxAge}. Shows who the
 * service user is and when things expire; never a token or a key.
 */
public final class ZitadelHealthIndicator implements ReactiveHealthIndicator {

	private final ZitadelTokenSource tokenSource;

	private final CredentialDetails credential;

	private final Supplier<Mono<?>> probe;

	private final Settings settings;

	private final Clock clock;

	private final @Nullable ZitadelResourceServerHealthIndicator resourceServer;

	private final AtomicReference<@Nullable Mono<Void>> probeInFlight = new AtomicReference<>();

	/**
	 * Creates the indicator.
	 * @param tokenSource where tokens and the evidence of recent calls come from
	 * @param credential describes the credential in use, such as the key's ids and expiry
	 * @param probe makes one authenticated call to ZITADEL through the starter's transports,
	 * which record its outcome with the token source
	 * @param settings the issuer shown, and how long to wait and to trust evidence
	 * @param clock the clock that dates evidence and key expiry
	 */
	public ZitadelHealthIndicator(ZitadelTokenSource tokenSource, CredentialDetails credential,
			Supplier<Mono<?>> probe, Settings settings, Clock clock) {
		this(tokenSource, credential, probe, settings, clock, null);
	}

	/**
	 * Creates the indicator of an application that also checks its users' tokens: its
	 * health has the {@code resourceServer} entry too, and is DOWN when that is.
	 * @param tokenSource where tokens and the evidence of recent calls come from
	 * @param credential describes the credential in use, such as the key's ids and expiry
	 * @param probe makes one authenticated call to ZITADEL through the starter's transports,
	 * which record its outcome with the token source
	 * @param settings the issuer shown, and how long to wait and to trust evidence
	 * @param clock the clock that dates evidence and key expiry
	 * @param resourceServer checks the JWKS or the introspection, if the application checks
	 * its users' tokens
	 */
	public ZitadelHealthIndicator(ZitadelTokenSource tokenSource, CredentialDetails credential,
			Supplier<Mono<?>> probe, Settings settings, Clock clock,
			@Nullable ZitadelResourceServerHealthIndicator resourceServer) {
		this.tokenSource = tokenSource;
		this.credential = credential;
		this.probe = probe;
		this.settings = settings;
		this.clock = clock;
		this.resourceServer = resourceServer;
	}

	@Override
	public Mono<Health> health() {
		ZitadelResourceServerHealthIndicator resourceServer = this.resourceServer;
		if (resourceServer == null) {
			return serviceUserHealth();
		}
		return serviceUserHealth().zipWith(resourceServer.check(), ZitadelResourceServerHealthIndicator::combine);
	}

	private Mono<Health> serviceUserHealth() {
		Evidence fresh = freshEvidence();
		if (fresh != null) {
			return Mono.just(report(fresh));
		}
		Instant probedFrom = Instant.ofEpochMilli(this.clock.millis());
		return probeOnce().then(Mono.fromSupplier(() -> {
			Evidence evidence = this.tokenSource.getCallEvidence().latest();
			return (evidence != null && !evidence.at().isBefore(probedFrom)) ? report(evidence) : unknown();
		}));
	}

	private @Nullable Evidence freshEvidence() {
		Evidence evidence = this.tokenSource.getCallEvidence().latest();
		if (evidence == null) {
			return null;
		}
		Duration age = Duration.between(evidence.at(), this.clock.instant());
		return (age.compareTo(this.settings.maxAge()) <= 0) ? evidence : null;
	}

	/** One probe at a time: concurrent checks wait for the same call. */
	private Mono<Void> probeOnce() {
		while (true) {
			Mono<Void> inFlight = this.probeInFlight.get();
			if (inFlight != null) {
				return inFlight;
			}
			ZitadelCallEvidence evidence = this.tokenSource.getCallEvidence();
			Mono<Void> probing = Mono.defer(this.probe)
				.timeout(this.settings.timeout())
				.then()
				.onErrorResume((ex) -> {
					if (ex instanceof TimeoutException) {
						evidence.unreachable(new TimeoutException("no answer within " + this.settings.timeout().toMillis()
								+ " ms (zitadel.health.timeout)"));
					}
					else if (ex instanceof ZitadelTokenCoolDownException remembered) {
						// A remembered failure fails at once, without a token request to record it.
						evidence.tokenFailed(remembered);
					}
					// Any other failure was recorded by the transport that saw it.
					return Mono.empty();
				})
				.doFinally((signal) -> this.probeInFlight.set(null))
				.cache();
			if (this.probeInFlight.compareAndSet(null, probing)) {
				return probing;
			}
		}
	}

	private Health report(Evidence evidence) {
		Health.Builder health = evidence.accepted() ? Health.up() : Health.down();
		withDetails(health).withDetail("checkedAt", evidence.at().toString());
		if (!evidence.accepted()) {
			String reason = evidence.reason();
			if (reason != null) {
				health.withDetail("reason", reason);
			}
			ZitadelTokenException failure = this.tokenSource.getLastFailure();
			if (failure != null) {
				health.withDetail("error", failure.getError().getErrorCode());
				if (failure.getError().getDescription() != null) {
					health.withDetail("errorDescription", failure.getError().getDescription());
				}
				if (this.tokenSource.getNextAttemptAt() != null) {
					health.withDetail("nextTokenRequestAt", this.tokenSource.getNextAttemptAt().toString());
				}
			}
		}
		return health.build();
	}

	private Health unknown() {
		return withDetails(Health.down()).withDetail("reason", "The check of ZITADEL at " + this.settings.issuer()
				+ " gave no answer").build();
	}

	private Health.Builder withDetails(Health.Builder health) {
		health.withDetail("issuer", this.settings.issuer());
		this.credential.describe(health, this.clock.instant());
		OAuth2AccessToken token = this.tokenSource.getCachedToken();
		if (token != null && token.getExpiresAt() != null) {
			health.withDetail("tokenExpiresAt", token.getExpiresAt().toString());
		}
		if (this.tokenSource.getLastAcquiredAt() != null) {
			health.withDetail("lastAcquiredAt", this.tokenSource.getLastAcquiredAt().toString());
		}
		return health;
	}

	/**
	 * How the indicator checks.
	 * @param issuer the issuer, as shown in the details
	 * @param timeout the longest a probe may take before ZITADEL counts as unreachable
	 * @param maxAge how long the outcome of a call stands for ZITADEL's state
	 */
	public record Settings(String issuer, Duration timeout, Duration maxAge) {

	}

	/** Adds what may be shown of the credential in use to the details: ids and expiry, never a secret. */
	@FunctionalInterface
	public interface CredentialDetails {

		/**
		 * Describes the credential.
		 * @param health the health being built
		 * @param now the current instant, to compare expiry dates with
		 */
		void describe(Health.Builder health, Instant now);

	}

}
