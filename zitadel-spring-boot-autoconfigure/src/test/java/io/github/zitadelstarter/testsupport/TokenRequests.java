package io.github.zitadelstarter.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.zitadelstarter.token.ZitadelTokenSource;

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

	/** The token endpoint gives these answers one after the other, then keeps giving the last. */
	public static void answersInTurn(WireMockServer server, ResponseDefinitionBuilder... answers) {
		String state = Scenario.STARTED;
		for (int i = 0; i < answers.length; i++) {
			String next = (i < answers.length - 1) ? "answer " + (i + 1) : state;
			server.stubFor(tokenEndpoint().inScenario("token endpoint")
				.whenScenarioStateIs(state)
				.willSetStateTo(next)
				.willReturn(answers[i]));
			state = next;
		}
	}

	/** The token endpoint hands out 12-hour tokens with these values, one after the other. */
	public static void tokensInTurn(WireMockServer server, String... tokens) {
		answersInTurn(server, Stream.of(tokens).map((value) -> token(value, 43199)).toArray(ResponseDefinitionBuilder[]::new));
	}

	/**
	 * Makes the next caller of the token source wait for a new token, with no failure or
	 * refusal of an earlier test remembered.
	 */
	public static void forgetCachedToken(ZitadelTokenSource tokenSource) {
		tokenSource.reset();
	}

	public static List<LoggedRequest> received(WireMockServer server) {
		return server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
	}

	public static Map<String, String> form(Request request) {
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
