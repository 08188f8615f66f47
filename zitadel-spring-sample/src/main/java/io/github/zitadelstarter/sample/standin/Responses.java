package io.github.zitadelstarter.sample.standin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The JSON answers the stand-in gives, shaped like ZITADEL's.
 */
final class Responses {

	private Responses() {
	}

	/** An OAuth 2.0 error from the token endpoint (RFC 6749 section 5.2). */
	static ResponseDefinition oauthError(int status, String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		return json(status, JSONObjectUtils.toJSONString(body));
	}

	/** An error from ZITADEL's REST APIs: a gRPC status rendered by grpc-gateway. */
	static ResponseDefinition apiError(int status, int grpcCode, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", grpcCode);
		body.put("message", message);
		return json(status, JSONObjectUtils.toJSONString(body));
	}

	static ResponseDefinition json(int status, String body) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			// Token responses must not be cached (RFC 6749 section 5.1); harmless elsewhere.
			.withHeader("Cache-Control", "no-store")
			.withBody(body)
			.build();
	}

}
