package io.github.zitadelstarter.observation;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import io.github.zitadelstarter.token.TokenAcquisitionObserver;
import io.github.zitadelstarter.token.TokenEndpointException;
import io.github.zitadelstarter.token.ZitadelTokenCoolDownException;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Records each token acquisition, and each call that failed fast while the token source
 * remembered a failure, as a Micrometer {@link Observation} named {@value #NAME}, with the
 * low-cardinality keys {@code background} and {@code outcome}: {@code success},
 * {@code rejected} (ZITADEL refused the request: 4xx other than 429, or
 * {@code 500 Errors.Internal}), {@code rate-limited} (429), {@code cooling-down} (no
 * request was made, because of an earlier failure), {@code timeout} or {@code error}.
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
	 * How an acquisition failed: it was not even tried because an earlier one failed
	 * ({@code cooling-down}), it did not end in time ({@code timeout}), ZITADEL refused it
	 * ({@code rejected}) or asked to slow down ({@code rate-limited}), or anything else
	 * ({@code error}).
	 * @param failure the failure
	 * @return the outcome
	 */
	static String outcome(Throwable failure) {
		// Checked first: the remembered failure that it carries may be a timeout itself.
		if (failure instanceof ZitadelTokenCoolDownException) {
			return "cooling-down";
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof HttpTimeoutException
					|| cause.getClass().getName().equals("io.netty.handler.timeout.ReadTimeoutException")) {
				return "timeout";
			}
		}
		if (failure instanceof ZitadelTokenException tokenFailure && tokenFailure.getEndpointFailure() != null) {
			TokenEndpointException answer = tokenFailure.getEndpointFailure();
			if (answer.getStatusCode() == 429) {
				return "rate-limited";
			}
			if (tokenFailure.isRefusal()) {
				return "rejected";
			}
		}
		return "error";
	}

}
