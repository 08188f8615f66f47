package io.github.zitadelstarter.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Actuator's {@code env} and {@code configprops} endpoints hand the sanitizing function:
 * every secret of the service user is masked under every spelling of its name, and wherever
 * its value appears, whatever {@code show-values} says; other values are left alone.
 */
class ZitadelSanitizingAutoConfigurationTests {

	private static final String MASKED = SanitizableData.SANITIZED_VALUE;

	private static final String CLIENT_SECRET = "Kq8vZ2xR7mW4pL9sT3nB6yH1cF5dJ0gA";

	private static final String PERSONAL_ACCESS_TOKEN = "pat_Xa91Lm2Qz83Rt74Yu65Io56Pa47Sd38Fg29";

	private static final TestServiceUser user = TestServiceUser.create();

	private final MockEnvironment environment = new MockEnvironment();

	private final SanitizingFunction function = new ZitadelSanitizingAutoConfiguration()
		.zitadelServiceUserSecretsSanitizingFunction(this.environment, new DefaultResourceLoader());

	@Test
	void theServiceUsersSecretsAreMaskedUnderEveryName() {
		for (String key : new String[] { "zitadel.service-user.key-json", "ZITADEL_SERVICE_USER_KEY_JSON",
				"serviceUser.keyJson", "zitadel.service-user.client-secret", "ZITADEL_SERVICE_USER_CLIENT_SECRET",
				"serviceUser.clientSecret", "zitadel.service-user.personal-access-token",
				"ZITADEL_SERVICE_USER_PERSONAL_ACCESS_TOKEN", "serviceUser.personalAccessToken" }) {
			assertThat(sanitized(key, "secret-value")).as(key).isEqualTo(MASKED);
		}
	}

	@Test
	void theActionsSigningKeysAreMaskedUnderEveryNameAndInOtherValues() {
		for (String key : new String[] { "zitadel.actions.signing-key", "ZITADEL_ACTIONS_SIGNING_KEY",
				"zitadel.actions.previous-signing-key", "zitadel.actions.targets.orders.signing-key",
				"ZITADEL_ACTIONS_TARGETS_ORDERS_SIGNINGKEY" }) {
			assertThat(sanitized(key, "secret-value")).as(key).isEqualTo(MASKED);
		}
		String signingKey = "Yq3xN8vB2mK7pR4tW9zL";
		this.environment.withProperty("zitadel.actions.signing-key", signingKey);
		assertThat(sanitized("sun.java.command", "app.jar --zitadel.actions.signing-key=" + signingKey))
			.isEqualTo(MASKED);
	}

	@Test
	void anyValueHoldingAPrivateKeyIsMasked() {
		assertThat(sanitized("some.other.property", "-----BEGIN PRIVATE KEY-----\nMII...")).isEqualTo(MASKED);
	}

	@Test
	void otherValuesAreShown() {
		this.environment.withProperty("zitadel.service-user.client-id", "client-7")
			.withProperty("zitadel.service-user.client-secret", CLIENT_SECRET);

		assertThat(sanitized("zitadel.service-user.client-id", "client-7")).isEqualTo("client-7");
		assertThat(sanitized("zitadel.issuer", "https://x.zitadel.cloud")).isEqualTo("https://x.zitadel.cloud");
		assertThat(sanitized("sun.java.command", "app.jar --zitadel.service-user.client-id=client-7"))
			.isEqualTo("app.jar --zitadel.service-user.client-id=client-7");
	}

	@Test
	void aValueContainingAConfiguredSecretIsMaskedWhateverItsName() {
		this.environment.withProperty("zitadel.service-user.client-secret", CLIENT_SECRET)
			.withProperty("zitadel.service-user.personal-access-token", PERSONAL_ACCESS_TOKEN);

		for (String secret : new String[] { CLIENT_SECRET, PERSONAL_ACCESS_TOKEN }) {
			assertThat(sanitized("sun.java.command",
					"app.jar --zitadel.service-user.client-secret=" + secret + " --management.endpoint.env.show-values=always"))
				.isEqualTo(MASKED);
			assertThat(sanitized("JAVA_TOOL_OPTIONS", "-Xmx512m -Dzitadel.service-user.personal-access-token=" + secret))
				.isEqualTo(MASKED);
			assertThat(sanitized("SPRING_APPLICATION_JSON",
					"{\"zitadel\":{\"service-user\":{\"client-secret\":\"" + secret + "\"}}}"))
				.isEqualTo(MASKED);
			assertThat(sanitized("backup.credential", secret)).isEqualTo(MASKED);
			assertThat(sanitized("myApp.credentials", List.of("other", secret))).isEqualTo(MASKED);
		}
	}

	@Test
	void theKeyIsMaskedWithoutItsArmourHoweverItIsWrappedOrEncoded() {
		this.environment.withProperty("zitadel.service-user.key-json", user.keyJson());

		assertKeyIsMasked(user);
		// The configured key JSON as a string inside other JSON, its line breaks escaped twice.
		String escaped = user.keyJson().replace("\\", "\\\\").replace("\"", "\\\"");
		assertThat(sanitized("SPRING_APPLICATION_JSON", "{\"my\":{\"key\":\"" + escaped.replace("PRIVATE KEY", "") + "\"}}"))
			.isEqualTo(MASKED);
	}

	@Test
	void aKeyInPkcs8IsFoundInItsPkcs1EncodingToo() {
		this.environment.withProperty("zitadel.service-user.key-json",
				user.keyJson(user.pkcs8Pem(), Instant.now().plusSeconds(3600)));

		assertKeyIsMasked(user);
	}

	@Test
	void theKeyOfAKeyFileIsMaskedAndAReplacedFileIsReadAgain(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("key.json"), user.keyJson());
		this.environment.withProperty("zitadel.service-user.key-file", "file:" + file);

		assertKeyIsMasked(user);

		TestServiceUser rotated = TestServiceUser.create();
		Files.writeString(file, rotated.keyJson());
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(2)));
		assertKeyIsMasked(rotated);
	}

	@Test
	void aSecretShorterThanTheMinimumIsMaskedOnlyUnderItsOwnName() {
		String shortSecret = "s3cr3t7";
		assertThat(shortSecret).hasSizeLessThan(ConfiguredSecrets.MINIMUM_LENGTH);
		this.environment.withProperty("zitadel.service-user.client-secret", shortSecret)
			.withProperty("zitadel.service-user.personal-access-token", "");

		assertThat(sanitized("zitadel.service-user.client-secret", shortSecret)).isEqualTo(MASKED);
		assertThat(sanitized("some.path", "/var/lib/" + shortSecret + "/data")).isEqualTo("/var/lib/s3cr3t7/data");
		assertThat(sanitized("server.port", "8080")).isEqualTo("8080");
	}

	@Test
	void theSecretsAreReadWhenAValueIsShownNotWhenTheFunctionIsCreated() {
		assertThat(sanitized("sun.java.command", "app.jar " + CLIENT_SECRET)).isEqualTo("app.jar " + CLIENT_SECRET);

		this.environment.setProperty("zitadel.service-user.client-secret", CLIENT_SECRET);
		assertThat(sanitized("sun.java.command", "app.jar " + CLIENT_SECRET)).isEqualTo(MASKED);

		this.environment.setProperty("zitadel.service-user.client-secret", PERSONAL_ACCESS_TOKEN);
		assertThat(sanitized("sun.java.command", "app.jar " + PERSONAL_ACCESS_TOKEN)).isEqualTo(MASKED);
	}

	@Test
	void settingsThatCannotBeReadBreakNothing(@TempDir Path dir) {
		this.environment.withProperty("zitadel.service-user.client-secret", "${no.such.property}")
			.withProperty("zitadel.service-user.key-json", "{not json")
			.withProperty("zitadel.service-user.key-file", "file:" + dir.resolve("missing.json"));

		assertThat(sanitized("zitadel.issuer", "https://x.zitadel.cloud")).isEqualTo("https://x.zitadel.cloud");
		assertThat(sanitized("backup.key", "{not json and more")).isEqualTo(MASKED);
		assertThat(sanitized("zitadel.service-user.client-secret", "${no.such.property}")).isEqualTo(MASKED);
	}

	/** The key's base64 anywhere, as ZITADEL wraps it, as one line, rewrapped, re-encoded, or one line of it. */
	private void assertKeyIsMasked(TestServiceUser user) {
		String pkcs1 = body(user.pkcs1Pem());
		String pkcs8 = body(user.pkcs8Pem());
		String[] lines = pkcs1.split("\n");
		for (String value : new String[] { pkcs1, pkcs1.replace("\n", ""), pkcs1.replace("\n", "\\n"),
				rewrap(pkcs1.replace("\n", ""), 76, "\r\n"), pkcs8, pkcs8.replace("\n", ""),
				"--my.key=" + lines[lines.length / 2] }) {
			assertThat(sanitized("MY_APP_SIGNING_MATERIAL", value)).as(value).isEqualTo(MASKED);
		}
	}

	private static String body(String pem) {
		return Arrays.stream(pem.split("\n"))
			.filter((line) -> !line.startsWith("-----"))
			.collect(Collectors.joining("\n"));
	}

	private static String rewrap(String base64, int width, String lineBreak) {
		StringBuilder wrapped = new StringBuilder();
		for (int start = 0; start < base64.length(); start += width) {
			wrapped.append(base64, start, Math.min(base64.length(), start + width)).append(lineBreak);
		}
		return wrapped.toString();
	}

	private Object sanitized(String key, Object value) {
		return this.function.applyUnlessFiltered(new SanitizableData(null, key, value)).getValue();
	}

}
