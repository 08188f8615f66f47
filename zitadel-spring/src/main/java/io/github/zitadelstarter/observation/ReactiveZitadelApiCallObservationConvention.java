package io.github.zitadelstarter.observation;

import io.micrometer.common.KeyValues;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Observes the reactive typed clients' calls as
 * {@value ZitadelApiCallObservationConvention#NAME}, tagged with the RPC, like
 * {@link ZitadelApiCallObservationConvention} does for the blocking ones.
 */
public final class ReactiveZitadelApiCallObservationConvention extends DefaultClientRequestObservationConvention {

	/** Creates the convention. */
	public ReactiveZitadelApiCallObservationConvention() {
		super(ZitadelApiCallObservationConvention.NAME);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context)
			.and(ZitadelApiCallObservationConvention.rpc(context.getUriTemplate()));
	}

}
