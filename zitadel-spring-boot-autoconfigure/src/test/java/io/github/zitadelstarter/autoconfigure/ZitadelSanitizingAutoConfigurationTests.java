package io.github.zitadelstarter.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Actuator's {@code env} and {@code configprops} endpoints hand the sanitizing function:
 * every secret of the service user is masked under every spelling of its name, whatever
 * {@code show-values} says; other values are left alone.
 */
class ZitadelSanitizingAutoConfigurationTests {

	private final SanitizingFunction function = new ZitadelSanitizingAutoConfiguration()
		.zitadelServiceUserSecretsSanitizingFunction();

	@Test
	void theServiceUsersSecretsAreMaskedUnderEveryName() {
		for (String key : new String[] { "zitadel.service-user.key-json", "ZITADEL_SERVICE_USER_KEY_JSON",
				"serviceUser.keyJson", "zitadel.service-user.client-secret", "ZITADEL_SERVICE_USER_CLIENT_SECRET",
				"serviceUser.clientSecret", "zitadel.service-user.personal-access-token",
				"ZITADEL_SERVICE_USER_PERSONAL_ACCESS_TOKEN", "serviceUser.personalAccessToken" }) {
			assertThat(sanitized(key, "secret-value")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
	}

	@Test
	void anyValueHoldingAPrivateKeyIsMasked() {
		assertThat(sanitized("some.other.property", "-----BEGIN PRIVATE KEY-----\nMII..."))
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@Test
	void otherValuesAreShown() {
		assertThat(sanitized("zitadel.service-user.client-id", "client-7")).isEqualTo("client-7");
		assertThat(sanitized("zitadel.issuer", "https://x.zitadel.cloud")).isEqualTo("https://x.zitadel.cloud");
	}

	private Object sanitized(String key, String value) {
		return this.function.applyUnlessFiltered(new SanitizableData(null, key, value)).getValue();
	}

}
