package io.github.zitadelstarter.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ServiceUserCredential;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's requests pass ZITADEL's rules end to end, as the local ZITADEL of
 * {@code zitadel-spring-boot-test} enforces them (the assertion's signature, {@code kid},
 * {@code iss}/{@code sub}, {@code aud} and dates, the API audience scope, the bearer header),
 * from the reactive and the blocking client, with each of the three credentials. Each test
 * has a ZITADEL and an application of its own, so that its records show its first token
 * request.
 */
class ZitadelConformanceTests {

	private static final String ZITADEL_AUDIENCE_SCOPE = "urn:zitadel:iam:org:project:id:zitadel:aud";

	@Test
	void reactiveCallsPassZitadelsRules() {
		try (LocalZitadel zitadel = LocalZitadel.start();
				ConfigurableApplicationContext application = run(zitadel.issuer(), zitadel)) {
			String me = application.getBean("zitadelWebClient", WebClient.class)
				.get()
				.uri("/auth/v1/users/me")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30));

			assertThat(me).contains(zitadel.userId());
			assertConforming(zitadel, zitadel.issuer());
		}
	}

	@Test
	void blockingCallsPassZitadelsRules() {
		try (LocalZitadel zitadel = LocalZitadel.start();
				ConfigurableApplicationContext application = run(zitadel.issuer(), zitadel)) {
			String org = application.getBean("zitadelRestClient", RestClient.class)
				.get()
				.uri("/management/v1/orgs/me")
				.retrieve()
				.body(String.class);

			assertThat(org).contains(zitadel.organizationId());
			assertConforming(zitadel, zitadel.issuer());
		}
	}

	@Test
	void anIssuerSpelledInCapitalsWithATrailingSlashIsSentAsZitadelSpellsIt() {
		try (LocalZitadel zitadel = LocalZitadel.builder().issuerHost("localhost").start();
				ConfigurableApplicationContext application = run("HTTP://LOCALHOST:" + zitadel.port() + "/", zitadel)) {
			assertThat(application.getBean("zitadelWebClient", WebClient.class)
				.get()
				.uri("/auth/v1/users/me")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30))).contains(zitadel.userId());
			assertThat(application.getBean("zitadelRestClient", RestClient.class)
				.get()
				.uri("/management/v1/orgs/me")
				.retrieve()
				.body(String.class)).contains(zitadel.organizationId());
			assertConforming(zitadel, "http://localhost:" + zitadel.port());
		}
	}

	@Test
	void aClientSecretPassesZitadelsRulesFromBothClients() {
		try (LocalZitadel zitadel = LocalZitadel.start();
				ConfigurableApplicationContext application = run(zitadel, ServiceUserCredential.CLIENT_SECRET)) {
			assertThat(callBoth(application)).contains(zitadel.userId());
			assertThat(zitadel.tokenRequests()).hasSize(1).allSatisfy((request) -> {
				assertThat(request.refusal()).isNull();
				assertThat(request.grantType()).isEqualTo("client_credentials");
				assertThat(request.scopes()).contains("openid", ZITADEL_AUDIENCE_SCOPE);
			});
			assertThat(zitadel.apiCalls()).hasSize(2).allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
		}
	}

	@Test
	void aPersonalAccessTokenPassesZitadelsRulesWithoutATokenRequest() {
		try (LocalZitadel zitadel = LocalZitadel.start();
				ConfigurableApplicationContext application = run(zitadel, ServiceUserCredential.PERSONAL_ACCESS_TOKEN)) {
			assertThat(callBoth(application)).contains(zitadel.userId());
			assertThat(zitadel.tokenRequests()).isEmpty();
			assertThat(zitadel.apiCalls()).hasSize(2)
				.allSatisfy((call) -> assertThat(call.header("Authorization"))
					.isEqualTo("Bearer " + zitadel.personalAccessToken()));
		}
	}

	/** The service user, once through each client; both must agree. */
	private static String callBoth(ConfigurableApplicationContext application) {
		String reactive = application.getBean("zitadelWebClient", WebClient.class)
			.get()
			.uri("/auth/v1/users/me")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
		String blocking = application.getBean("zitadelRestClient", RestClient.class)
			.get()
			.uri("/auth/v1/users/me")
			.retrieve()
			.body(String.class);
		assertThat(reactive).isEqualTo(blocking);
		return blocking;
	}

	private static ConfigurableApplicationContext run(LocalZitadel zitadel, ServiceUserCredential credential) {
		List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none"));
		zitadel.properties(credential).forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(App.class).run(args.toArray(String[]::new));
	}

	private static ConfigurableApplicationContext run(String issuer, LocalZitadel zitadel) {
		return new SpringApplicationBuilder(App.class).run("--spring.main.web-application-type=none",
				"--zitadel.issuer=" + issuer, "--zitadel.service-user.key-json=" + zitadel.keyJson());
	}

	private static void assertConforming(LocalZitadel zitadel, String audience) {
		assertThat(zitadel.tokenRequests()).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.refusal()).isNull();
			assertThat(request.grantType()).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
			assertThat(request.scopes()).contains("openid", ZITADEL_AUDIENCE_SCOPE);
			assertThat(request.assertionHeader()).containsEntry("kid", zitadel.keyId());
			assertThat(request.assertionClaims()).containsEntry("iss", zitadel.userId())
				.containsEntry("sub", zitadel.userId());
			Object aud = request.assertionClaims().get("aud");
			assertThat((aud instanceof List<?> list) ? list : List.of(aud)).containsExactly(audience);
		});
		assertThat(zitadel.apiCalls()).isNotEmpty().allSatisfy((call) -> {
			assertThat(call.status()).isEqualTo(200);
			assertThat(call.header("Authorization")).startsWith("Bearer ");
		});
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
