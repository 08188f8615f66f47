package io.github.zitadelstarter.observation;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import io.github.zitadelstarter.token.TokenAcquisitionObserver;
import io.github.zitadelstarter.token.TokenEndpointException;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Records each token acquisition as a Micrometer {@link Observation} named
 * {@value #NAME}, with the low-cardinality keys {@code outcome} ({@code success},
 * {@code rejected}, {@code error}, {@code timeout}) and {@code background}.
 */
public final class ObservationTokenAcquisitionObserver implements TokenAcquisitionObserver {

	/** The observation's name, and so the timer's in {@code /actuator/metrics}. */
	public static final String NAME = "zitadel.token.acquisition";

	private final ObservationRegistry registry;

	public ObservationTokenAcquisitionObserver(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Mono<OAuth2AccessToken> observe(Mono<OAuth2AccessToken> acquisition, boolean background) {
		return Mono.defer(() -> {
			Observation observation = Observation.createNotStarted(NAME, this.registry)
				.contextualName("zitadel token acquisition")
				.lowCardinalityKeyValue("background", String.valueOf(background))
				.start();
			return acquisition.doOnSuccess((token) -> observation.lowCardinalityKeyValue("outcome", "success"))
				.doOnError((ex) -> observation.lowCardinalityKeyValue("outcome", outcome(ex)).error(ex))
				.doFinally((signal) -> observation.stop());
		});
	}

	/**
	 * How an acquisition failed: ZITADEL refused it ({@code rejected}), it did not answer in
	 * time ({@code timeout}), or anything else ({@code error}).
	 * @param failure the failure
	 * @return the outcome
	 */
	static String outcome(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof HttpTimeoutException
					|| cause.getClass().getName().equals("io.netty.handler.timeout.ReadTimeoutException")) {
				return "timeout";
			}
		}
		if (failure instanceof ZitadelTokenException tokenFailure && tokenFailure.getEndpointFailure() != null) {
			TokenEndpointException answer = tokenFailure.getEndpointFailure();
			if (answer.isProbablyRejectedAssertion() || (answer.getStatusCode() >= 400 && answer.getStatusCode() < 500
					&& answer.getStatusCode() != 429)) {
				return "rejected";
			}
		}
		return "error";
	}

}
