package io.github.zitadelstarter.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * UP while the application can check its users' tokens: ZITADEL's keys (JWKS) can be
 * fetched, or its introspection answers the API application. Each check's outcome stands for
 * {@code maxAge}, and concurrent checks share one probe, so frequent health checks add at
 * most one request to ZITADEL per {@code maxAge}. The details say which endpoint was checked
 * and why it failed; never a token, an assertion or a key.
 */
public final class ZitadelResourceServerHealthIndicator implements ReactiveHealthIndicator {

	private final String issuer;

	private final Check check;

	private final Duration timeout;

	private final Duration maxAge;

	private final Clock clock;

	private final AtomicReference<@Nullable Checked> latest = new AtomicReference<>();

	private final AtomicReference<@Nullable Mono<Checked>> probeInFlight = new AtomicReference<>();

	/**
	 * Creates the indicator.
	 * @param issuer the issuer, as shown in the details
	 * @param check what is checked and how
	 * @param timeout the longest a probe may take before the endpoint counts as unreachable
	 * @param maxAge how long the outcome of a probe stands
	 * @param clock the clock that dates the outcomes
	 */
	public ZitadelResourceServerHealthIndicator(String issuer, Check check, Duration timeout, Duration maxAge,
			Clock clock) {
		this.issuer = issuer;
		this.check = check;
		this.timeout = timeout;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	@Override
	public Mono<Health> health() {
		return check().map((resourceServer) -> Health.status(resourceServer.getStatus())
			.withDetail("issuer", this.issuer)
			.withDetail("resourceServer", resourceServer.getDetails())
			.build());
	}

	/**
	 * The outcome of the latest probe while it is younger than {@code maxAge}, else of a new
	 * one; its details are those of the {@code resourceServer} entry of the {@code zitadel}
	 * health.
	 * @return the outcome
	 */
	public Mono<Health> check() {
		return probeUnlessFresh().map(Checked::health);
	}

	/** One probe at a time: concurrent checks wait for the same request. */
	private Mono<Checked> probeUnlessFresh() {
		while (true) {
			Mono<Checked> inFlight = this.probeInFlight.get();
			if (inFlight != null) {
				return inFlight;
			}
			// Read after the probe in flight: a probe sets its outcome before it is cleared.
			Checked checked = this.latest.get();
			if (checked != null && !checked.at().plus(this.maxAge).isBefore(this.clock.instant())) {
				return Mono.just(checked);
			}
			Mono<Checked> probing = Mono.defer(this.check.probe())
				.timeout(this.timeout)
				.then(Mono.fromSupplier(() -> outcome(null)))
				.onErrorResume((ex) -> Mono.just(outcome(ex)))
				.doOnNext(this.latest::set)
				.doFinally((signal) -> this.probeInFlight.set(null))
				.cache();
			if (this.probeInFlight.compareAndSet(null, probing)) {
				return probing;
			}
		}
	}

	private Checked outcome(@Nullable Throwable failure) {
		Instant now = this.clock.instant();
		Health.Builder health = (failure != null) ? Health.down() : Health.up();
		health.withDetail("mode", this.check.mode())
			.withDetail("endpoint", this.check.endpoint())
			.withDetail("reachable", failure == null)
			.withDetail("checkedAt", now.toString());
		if (failure != null) {
			health.withDetail("reason", reason(failure));
		}
		return new Checked(health.build(), now);
	}

	private String reason(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "no answer within " + this.timeout.toMillis() + " ms (zitadel.health.timeout)";
		}
		String message = failure.getMessage();
		return (message != null) ? message : failure.getClass().getSimpleName();
	}

	/**
	 * Adds the {@code resourceServer} entry to another health, such as the service user's,
	 * DOWN when either is.
	 * @param health the other health
	 * @param resourceServer the outcome of {@link #check()}
	 * @return the health with both
	 */
	static Health combine(Health health, Health resourceServer) {
		Status status = Status.DOWN.equals(health.getStatus()) || Status.DOWN.equals(resourceServer.getStatus())
				? Status.DOWN : health.getStatus();
		Map<String, Object> details = resourceServer.getDetails();
		return Health.status(status).withDetails(health.getDetails()).withDetail("resourceServer", details).build();
	}

	/**
	 * What is checked.
	 * @param mode {@code jwt} or {@code introspection}
	 * @param endpoint the URL of the JWKS or of the introspection endpoint
	 * @param probe one request to it, failing when it cannot be reached or refuses the
	 * application
	 */
	public record Check(String mode, String endpoint, Supplier<Mono<?>> probe) {

	}

	private record Checked(Health health, Instant at) {

	}

}
