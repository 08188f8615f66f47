package io.github.zitadelstarter.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees on {@code /actuator/env} and {@code /actuator/configprops}, with
 * {@code show-values=always}, of an application started as
 * {@code java -jar app.jar --zitadel.service-user.client-secret=...}: the JVM reports that
 * command line as the system property {@code sun.java.command}, the secret may also sit in
 * {@code SPRING_APPLICATION_JSON} or {@code JAVA_TOOL_OPTIONS}, and the application may copy it
 * into a property of its own. The secret appears nowhere; everything else stays visible.
 */
class SecretsStayOutOfActuatorTests {

	private static final String CLIENT_SECRET = "Kq8vZ2xR7mW4pL9sT3nB6yH1cF5dJ0gAe3Rt5Yu7Io9Pa1Sd3Fg5Hj7Kl9Zx1Cv3";

	private static final String PERSONAL_ACCESS_TOKEN = "pat_Xa91Lm2Qz83Rt74Yu65Io56Pa47Sd38Fg29Hj10Kl21Zx32Cv43Bn54";

	private static final String VISIBLE = "hello-visible-value";

	@Test
	void aClientSecretOnTheCommandLineAppearsNowhere() {
		Shown shown = show(List.of("--zitadel.service-user.client-id=client-7",
				"--zitadel.service-user.client-secret=" + CLIENT_SECRET, "--my.app.backend-credential=" + CLIENT_SECRET),
				Map.of("SPRING_APPLICATION_JSON",
						"{\"zitadel\":{\"service-user\":{\"client-secret\":\"" + CLIENT_SECRET + "\"}}}",
						"JAVA_TOOL_OPTIONS", "-Xmx256m -Dzitadel.service-user.client-secret=" + CLIENT_SECRET));

		shown.assertNowhere(CLIENT_SECRET);
		assertThat(shown.env()).contains("client-7");
		assertThat(shown.configprops()).contains("client-7");
	}

	@Test
	void aPersonalAccessTokenOnTheCommandLineAppearsNowhere() {
		Shown shown = show(List.of("--zitadel.service-user.personal-access-token=" + PERSONAL_ACCESS_TOKEN,
				"--my.app.backend-credential=" + PERSONAL_ACCESS_TOKEN),
				Map.of("SPRING_APPLICATION_JSON", "{\"my\":{\"app\":{\"token-copy\":\"" + PERSONAL_ACCESS_TOKEN + "\"}}}",
						"JAVA_TOOL_OPTIONS", "-Dzitadel.service-user.personal-access-token=" + PERSONAL_ACCESS_TOKEN));

		shown.assertNowhere(PERSONAL_ACCESS_TOKEN);
	}

	@Test
	void thePrivateKeyOfAKeyFileAppearsNowhereEvenWithoutItsArmour(@TempDir Path dir) throws Exception {
		TestServiceUser user = TestServiceUser.create();
		Path keyFile = Files.writeString(dir.resolve("key.json"), user.keyJson());
		String body = body(user.pkcs1Pem());
		String oneLine = body.replace("\n", "");

		Shown shown = show(List.of("--zitadel.service-user.key-file=file:" + keyFile,
				"--my.app.backend-credential=" + oneLine),
				Map.of("MY_APP_SIGNING_KEY", body, "SPRING_APPLICATION_JSON",
						"{\"my\":{\"app\":{\"key-copy\":\"" + body.replace("\n", "\\n") + "\"}}}"));

		shown.assertNowhere(oneLine);
		for (String line : (body + "\n" + body(user.pkcs8Pem())).split("\n")) {
			shown.assertNowhere(line);
		}
	}

	@Test
	void theIntrospectionClientSecretOfTheResourceServerAppearsNowhere() {
		Shown shown = show(List.of("--zitadel.resource-server.audience=300000000000000007",
				"--zitadel.resource-server.introspection.client-id=api-app",
				"--zitadel.resource-server.introspection.client-secret=" + CLIENT_SECRET,
				"--my.app.backend-credential=" + CLIENT_SECRET),
				Map.of("SPRING_APPLICATION_JSON", "{\"my\":{\"app\":{\"secret-copy\":\"" + CLIENT_SECRET + "\"}}}"));

		shown.assertNowhere(CLIENT_SECRET);
	}

	@Test
	void thePrivateKeyOfTheApiApplicationsKeyFileAppearsNowhere(@TempDir Path dir) throws Exception {
		TestServiceUser keyPair = TestServiceUser.create();
		Map<String, Object> applicationKey = new LinkedHashMap<>();
		applicationKey.put("type", "application");
		applicationKey.put("keyId", "300000000000000011");
		applicationKey.put("key", keyPair.pkcs1Pem());
		applicationKey.put("appId", "300000000000000012");
		applicationKey.put("clientId", "300000000000000012");
		Path keyFile = Files.writeString(dir.resolve("api-app-key.json"), JSONObjectUtils.toJSONString(applicationKey));
		String oneLine = body(keyPair.pkcs8Pem()).replace("\n", "");

		Shown shown = show(List.of("--zitadel.resource-server.audience=300000000000000007",
				"--zitadel.resource-server.introspection.key-file=file:" + keyFile,
				"--my.app.backend-credential=" + oneLine),
				Map.of("SPRING_APPLICATION_JSON", "{\"my\":{\"app\":{\"key-copy\":\"" + oneLine + "\"}}}"));

		shown.assertNowhere(oneLine);
	}

	/**
	 * Starts the application with these arguments (and the ones every test needs), the JVM
	 * reporting them as {@code sun.java.command}, and these environment variables besides the
	 * real ones; then reads the two endpoints.
	 */
	private static Shown show(List<String> arguments, Map<String, String> environmentVariables) {
		List<String> commandLine = Stream.concat(Stream.of("--server.port=0", "--spring.main.banner-mode=off",
				"--zitadel.issuer=https://my-instance.zitadel.cloud",
				"--management.endpoints.web.exposure.include=env,configprops",
				"--management.endpoint.env.show-values=always", "--management.endpoint.configprops.show-values=always",
				"--my.app.greeting=" + VISIBLE), arguments.stream())
			.toList();
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		Map<String, Object> systemProperties = new HashMap<>(environment.getSystemProperties());
		systemProperties.put("sun.java.command", "app.jar " + String.join(" ", commandLine));
		sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
				new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, systemProperties));
		Map<String, Object> variables = new HashMap<>(environment.getSystemEnvironment());
		variables.putAll(environmentVariables);
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.REACTIVE)
			.environment(environment)
			.run(commandLine.toArray(String[]::new))) {
			WebClient client = WebClient
				.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
			Shown shown = new Shown(get(client, "/actuator/env"), get(client, "/actuator/env/sun.java.command"),
					get(client, "/actuator/env/my.app.backend-credential"), get(client, "/actuator/configprops"));
			assertThat(shown.env()).contains("sun.java.command", "commandLineArgs", "systemEnvironment",
					"SPRING_APPLICATION_JSON", VISIBLE);
			assertThat(shown.configprops()).contains("backendCredential", VISIBLE);
			return shown;
		}
	}

	private static String get(WebClient client, String path) {
		return client.get().uri(path).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
	}

	private static String body(String pem) {
		return Arrays.stream(pem.split("\n"))
			.filter((line) -> !line.startsWith("-----"))
			.collect(Collectors.joining("\n"));
	}

	/** The endpoints' answers. */
	private record Shown(String env, String javaCommand, String ownProperty, String configprops) {

		void assertNowhere(String secret) {
			assertThat(this.env).doesNotContain(secret);
			assertThat(this.javaCommand).contains("******").doesNotContain(secret);
			assertThat(this.ownProperty).contains("******").doesNotContain(secret);
			assertThat(this.configprops).doesNotContain(secret);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableConfigurationProperties(MyAppProperties.class)
	static class App {

	}

	/** An application's own settings, one of them a copy of the secret. */
	@ConfigurationProperties("my.app")
	record MyAppProperties(String greeting, String backendCredential) {

	}

}
