package io.github.zitadelstarter.sample;

import java.nio.file.Path;
import java.time.Duration;

import io.github.zitadelstarter.test.LocalZitadel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.AotDetector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The sample started the way a user points it at their own instance, with the issuer and
 * key file given on the command line (here a local ZITADEL stands in for the instance): it
 * talks to that instance, and the instance's errors reach the caller as clear HTTP errors.
 * Without an instance it fails to start and says so. The build runs these tests once more
 * with {@code spring.aot.enabled=true}: then the sample starts from the code that
 * {@code process-aot} generated, as a user's AOT-processed application does.
 */
class SampleAgainstConfiguredInstanceTests {

	private final LocalZitadel instance = LocalZitadel.start();

	@AfterEach
	void stopInstance() {
		this.instance.close();
	}

	@Test
	void talksToTheConfiguredInstanceWithTheKeyFile(@TempDir Path dir) {
		Path keyFile = this.instance.writeKeyFile(dir);

		try (ConfigurableApplicationContext sample = run("--zitadel.issuer=" + this.instance.issuer(),
				"--zitadel.service-user.key-file=file:" + keyFile)) {
			String me = client(sample).get().uri("/me").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));

			assertThat(me).contains(this.instance.userId());
			assertThat(sample.containsBean("zitadelServiceUserKeyFile")).as("the key file is watched").isTrue();
		}
		assertThat(this.instance.tokenRequests()).isNotEmpty().allMatch((request) -> request.granted());
		assertThat(this.instance.apiCalls()).anySatisfy((call) -> {
			assertThat(call.path()).isEqualTo("/zitadel.user.v2.UserService/GetUserByID");
			assertThat(call.header("Authorization")).startsWith("Bearer ");
			assertThat(call.status()).isEqualTo(200);
		});
	}

	@Test
	void zitadelsErrorsReachTheCallerAsClearHttpErrors(@TempDir Path dir) {
		this.instance.withholdPermission("org.read");

		try (ConfigurableApplicationContext sample = run("--zitadel.issuer=" + this.instance.issuer(),
				"--zitadel.service-user.key-file=file:" + this.instance.writeKeyFile(dir))) {
			String org = client(sample).get().uri("/org").exchangeToMono((response) -> {
				assertThat(response.statusCode().value()).isEqualTo(502);
				return response.bodyToMono(String.class);
			}).block(Duration.ofSeconds(30));

			assertThat(org).contains("\"zitadelCode\":\"permission_denied\"")
				.contains("zitadel.org.v2.OrganizationService/ListOrganizations failed with permission_denied: "
						+ "No matching permissions found")
				.contains("lacks a role that grants the permission 'org.read'")
				.doesNotContain("Exception");
		}
	}

	@Test
	void aRefusedServiceUserReachesTheCallerAsUnavailableWithTheExplanation(@TempDir Path dir) {
		this.instance.refuseNextAssertions(100);

		try (ConfigurableApplicationContext sample = run("--zitadel.issuer=" + this.instance.issuer(),
				"--zitadel.service-user.key-file=file:" + this.instance.writeKeyFile(dir),
				"--zitadel.token.retry.initial-backoff=10ms")) {
			String me = client(sample).get().uri("/me").exchangeToMono((response) -> {
				assertThat(response.statusCode().value()).isEqualTo(503);
				return response.bodyToMono(String.class);
			}).block(Duration.ofSeconds(30));

			assertThat(me).contains("Errors.Internal").contains("Likely causes");
		}
	}

	@Test
	void protectsItsApiWithOpaqueTokensConfiguredAsTheEnvironmentVariablesDo(@TempDir Path dir) throws Exception {
		// Processed ahead of time, conditions were decided with the pom's process-aot arguments,
		// which do not switch the resource server on.
		Assumptions.assumeFalse(AotDetector.useGeneratedArtifacts(), "resource server not processed ahead of time");
		Path applicationKey = java.nio.file.Files.writeString(dir.resolve("api-app-key.json"),
				this.instance.applicationKeyJson());

		// ZITADEL_RESOURCE_SERVER_AUDIENCE and ZITADEL_RESOURCE_SERVER_INTROSPECTION_KEY_FILE
		try (ConfigurableApplicationContext sample = run("--zitadel.issuer=" + this.instance.issuer(),
				"--zitadel.service-user.key-file=file:" + this.instance.writeKeyFile(dir),
				"--zitadel.resource-server.audience=" + this.instance.apiProjectId(),
				"--zitadel.resource-server.introspection.key-file=file:" + applicationKey)) {
			assertThat(greetingStatus(sample, null)).isEqualTo(401);
			assertThat(greetingStatus(sample, this.instance.userToken("bob").opaque())).isEqualTo(403);
			String token = this.instance.userToken("ada").role("viewer").opaque();
			for (int i = 0; i < 10; i++) {
				assertThat(greetingStatus(sample, token)).isEqualTo(200);
			}
		}
		assertThat(this.instance.introspections()).hasSize(2)
			.allSatisfy((introspection) -> assertThat(introspection.clientAuthentication()).isEqualTo("private_key_jwt"));
	}

	@Test
	void protectsItsApiWithJwtsGivenOnlyTheAudience(@TempDir Path dir) {
		Assumptions.assumeFalse(AotDetector.useGeneratedArtifacts(), "resource server not processed ahead of time");
		try (ConfigurableApplicationContext sample = run("--zitadel.issuer=" + this.instance.issuer(),
				"--zitadel.service-user.key-file=file:" + this.instance.writeKeyFile(dir),
				"--zitadel.resource-server.audience=" + this.instance.apiProjectId())) {
			assertThat(greetingStatus(sample, this.instance.userToken("ada").role("viewer").jwt())).isEqualTo(200);
			assertThat(greetingStatus(sample, this.instance.userToken("ada").role("viewer").opaque())).isEqualTo(401);
		}
	}

	private static int greetingStatus(ConfigurableApplicationContext sample, String token) {
		return client(sample).get().uri("/api/greeting").headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(30));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void withoutAnInstanceTheSampleFailsToStartSayingWhy(CapturedOutput output) {
		assertThatException().isThrownBy(() -> SampleApplication.main(new String[] { "--server.port=0" }));
		// Processed ahead of time, the starter was switched on at build time (see the pom's
		// process-aot arguments): then the missing issuer is what it reports.
		String reason = AotDetector.useGeneratedArtifacts()
				? "The ZITADEL service user client cannot start: zitadel.issuer is not set"
				: "The application uses the zitadelWebClient, but the ZITADEL starter is switched off";
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(reason)
			.contains("Set zitadel.issuer")
			.doesNotContain("LOCAL STAND-IN");
	}

	private static ConfigurableApplicationContext run(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		// The main class names the AOT-generated initializer when run with spring.aot.enabled.
		return new SpringApplicationBuilder(SampleApplication.class).main(SampleApplication.class).run(all);
	}

	private static WebClient client(ConfigurableApplicationContext sample) {
		return WebClient.create("http://localhost:" + ((WebServerApplicationContext) sample).getWebServer().getPort());
	}

}
