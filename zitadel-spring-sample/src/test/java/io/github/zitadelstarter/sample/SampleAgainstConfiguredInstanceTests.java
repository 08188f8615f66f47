package io.github.zitadelstarter.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample started the way a user points it at their own instance (here a WireMock
 * server), with the issuer and key file given as properties on the command line: it talks
 * to that instance, no stand-in is started, and the instance's errors reach the caller as
 * clear HTTP errors.
 */
class SampleAgainstConfiguredInstanceTests {

	private final WireMockServer instance = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	@BeforeEach
	void startInstance() {
		this.instance.start();
	}

	@AfterEach
	void stopInstance() {
		this.instance.stop();
	}

	@Test
	void talksToTheConfiguredInstanceAndStartsNoStandIn(@TempDir Path dir) throws Exception {
		this.instance.stubFor(post(urlPathEqualTo("/oauth/v2/token"))
			.willReturn(okJson("{\"access_token\":\"real-token\",\"token_type\":\"Bearer\",\"expires_in\":43199}")));
		this.instance.stubFor(get(urlPathEqualTo("/auth/v1/users/me"))
			.willReturn(okJson("{\"user\":{\"id\":\"2\",\"userName\":\"from-the-instance\"}}")));
		Path keyFile = Files.writeString(dir.resolve("key.json"), serviceUserKeyJson());

		try (ConfigurableApplicationContext sample = new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0", "--zitadel.issuer=" + this.instance.baseUrl(),
				"--zitadel.service-user.key-file=file:" + keyFile)) {
			int port = ((WebServerApplicationContext) sample).getWebServer().getPort();
			String me = WebClient.create("http://localhost:" + port)
				.get()
				.uri("/me")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30));

			assertThat(me).contains("from-the-instance");
			assertThat(sample.getEnvironment().getPropertySources().contains("zitadelStandIn")).isFalse();
		}
		this.instance.verify(postRequestedFor(urlPathEqualTo("/oauth/v2/token")));
		this.instance.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer real-token")));
	}

	@Test
	void zitadelsErrorsReachTheCallerAsClearHttpErrors(@TempDir Path dir) throws Exception {
		this.instance.stubFor(post(urlPathEqualTo("/oauth/v2/token"))
			.willReturn(okJson("{\"access_token\":\"real-token\",\"token_type\":\"Bearer\",\"expires_in\":43199}")));
		this.instance.stubFor(get(urlPathEqualTo("/management/v1/orgs/me")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":7,\"message\":\"No matching permissions found (AUTH-5mWD2)\"}")));
		Path keyFile = Files.writeString(dir.resolve("key.json"), serviceUserKeyJson());

		try (ConfigurableApplicationContext sample = new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0", "--zitadel.issuer=" + this.instance.baseUrl(),
				"--zitadel.service-user.key-file=file:" + keyFile)) {
			int port = ((WebServerApplicationContext) sample).getWebServer().getPort();
			WebClient client = WebClient.create("http://localhost:" + port);

			String org = client.get().uri("/org").exchangeToMono((response) -> {
				assertThat(response.statusCode().value()).isEqualTo(502);
				return response.bodyToMono(String.class);
			}).block(Duration.ofSeconds(30));

			assertThat(org).contains("ZITADEL answered 403").contains("No matching permissions found")
				.doesNotContain("Exception");
		}
	}

	@Test
	void aRefusedServiceUserReachesTheCallerAsUnavailableWithTheExplanation(@TempDir Path dir) throws Exception {
		this.instance.stubFor(post(urlPathEqualTo("/oauth/v2/token")).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"server_error\",\"error_description\":\"Errors.Internal\"}")));
		Path keyFile = Files.writeString(dir.resolve("key.json"), serviceUserKeyJson());

		try (ConfigurableApplicationContext sample = new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0", "--zitadel.issuer=" + this.instance.baseUrl(),
				"--zitadel.service-user.key-file=file:" + keyFile, "--zitadel.token.retry.initial-backoff=10ms")) {
			int port = ((WebServerApplicationContext) sample).getWebServer().getPort();

			String me = WebClient.create("http://localhost:" + port).get().uri("/me").exchangeToMono((response) -> {
				assertThat(response.statusCode().value()).isEqualTo(503);
				return response.bodyToMono(String.class);
			}).block(Duration.ofSeconds(30));

			assertThat(me).contains("Errors.Internal").contains("Likely causes");
		}
	}

	private static String serviceUserKeyJson() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		return JSONObjectUtils.toJSONString(Map.of("type", "serviceaccount", "keyId", "1", "userId", "2", "key", pem,
				"expirationDate", Instant.now().plusSeconds(3600).toString()));
	}

}
