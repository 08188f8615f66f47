package io.github.zitadelstarter.observation;

import io.github.zitadelstarter.resourceserver.IntrospectionObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Records each request's introspection of a user's token as a Micrometer
 * {@link Observation} named {@value #NAME}, with the low-cardinality keys {@code cache}
 * ({@code hit}, {@code miss} or {@code joined}) and {@code outcome} ({@code active},
 * {@code inactive}, {@code failure}, {@code unavailable} or {@code cancelled}). Neither the token nor anything
 * of the user is recorded.
 */
public final class ObservationIntrospectionObserver implements IntrospectionObserver {

	/** The observation's name, and so the timer's in {@code /actuator/metrics}. */
	public static final String NAME = "zitadel.introspection";

	private final ObservationRegistry registry;

	public ObservationIntrospectionObserver(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Observed start() {
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName("zitadel introspection")
			.start();
		return (cache, outcome, failure) -> {
			observation.lowCardinalityKeyValue("cache", cache.tag()).lowCardinalityKeyValue("outcome", outcome.tag());
			// An inactive token is an answer, not an error of the introspection.
			if (failure != null && outcome != Outcome.INACTIVE) {
				observation.error(failure);
			}
			observation.stop();
		};
	}

}
