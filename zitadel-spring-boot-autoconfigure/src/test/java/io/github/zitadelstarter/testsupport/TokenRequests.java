package io.github.zitadelstarter.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * ZITADEL's token endpoint on WireMock, and what it received.
 */
public final class TokenRequests {

	public static final String PATH = "/oauth/v2/token";

	private TokenRequests() {
	}

	public static MappingBuilder tokenEndpoint() {
		return post(urlPathEqualTo(PATH));
	}

	public static ResponseDefinitionBuilder token(String accessToken, long expiresIn) {
		return okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
				+ "}");
	}

	/** How ZITADEL answers every assertion it rejects. */
	public static ResponseDefinitionBuilder rejectedAssertion() {
		return aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"server_error\",\"error_description\":\"Errors.Internal\"}");
	}

	public static List<LoggedRequest> received(WireMockServer server) {
		return server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
	}

	public static Map<String, String> form(LoggedRequest request) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : request.getBodyAsString().split("&")) {
			String[] nameAndValue = pair.split("=", 2);
			form.put(decode(nameAndValue[0]), (nameAndValue.length > 1) ? decode(nameAndValue[1]) : "");
		}
		return form;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
