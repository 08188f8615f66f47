package io.github.zitadelstarter.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Observes the blocking typed clients' calls as {@value #NAME}: Spring's HTTP client
 * observation, under its own name so that its extra key cannot clash with the application's
 * {@code http.client.requests}, with the low-cardinality key {@code rpc} naming the RPC,
 * such as {@code zitadel.user.v2.UserService/CreateUser}.
 */
public final class ZitadelApiCallObservationConvention extends DefaultClientRequestObservationConvention {

	/** The observation's name. */
	public static final String NAME = "zitadel.api.call";

	/** Creates the convention. */
	public ZitadelApiCallObservationConvention() {
		super(NAME);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(rpc(context.getUriTemplate()));
	}

	static KeyValue rpc(@Nullable String uriTemplate) {
		return KeyValue.of("rpc", (uriTemplate != null) ? rpcOf(uriTemplate) : "none");
	}

	/**
	 * The RPC a Connect URL calls: its last two path segments, whatever the base URL, such as
	 * {@code zitadel.user.v2.UserService/CreateUser}.
	 * @param url the URL, its path or URI template
	 * @return the RPC
	 */
	public static String rpcOf(String url) {
		int method = url.lastIndexOf('/');
		int service = (method > 0) ? url.lastIndexOf('/', method - 1) : -1;
		return url.substring(service + 1);
	}

}
