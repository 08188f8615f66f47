package io.github.zitadelstarter.key;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An API application's JSON key, told apart from a service user's.
 */
class ApplicationKeyTests {

	private static final String PEM = pkcs8Pem();

	@Test
	void readsAnApplicationKey() {
		ApplicationKey key = ApplicationKey.fromJson(json("application", "\"appId\":\"app-1\",\"clientId\":\"1@api\""));
		assertThat(key.getKeyId()).isEqualTo("key-1");
		assertThat(key.getClientId()).isEqualTo("1@api");
		assertThat(key.getAppId()).isEqualTo("app-1");
		assertThat(key.toString()).doesNotContain("PRIVATE").contains("privateKey=******");
	}

	@Test
	void refusesAServiceUserKeyWithoutQuotingIt() {
		assertThatExceptionOfType(InvalidServiceUserKeyException.class)
			.isThrownBy(() -> ApplicationKey.fromJson(json("serviceaccount", "\"userId\":\"user-1\"")))
			.withMessageStartingWith("The key is of type 'serviceaccount'")
			.withMessageNotContaining("PRIVATE")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("API application"));
	}

	@Test
	void aServiceUserKeyStillRefusesAnApplicationKey() {
		assertThatExceptionOfType(InvalidServiceUserKeyException.class)
			.isThrownBy(() -> ServiceUserKey.fromJson(json("application", "\"appId\":\"a\",\"clientId\":\"c\"")))
			.withMessageContaining("application");
	}

	@Test
	void refusesAnApplicationKeyWithoutClientId() {
		assertThatExceptionOfType(InvalidServiceUserKeyException.class)
			.isThrownBy(() -> ApplicationKey.fromJson(json("application", "\"appId\":\"app-1\"")))
			.withMessage("The application key has no 'clientId'.");
	}

	private static String json(String type, String fields) {
		return "{\"type\":\"" + type + "\",\"keyId\":\"key-1\",\"key\":\"" + PEM.replace("\n", "\\n") + "\"," + fields
				+ "}";
	}

	private static String pkcs8Pem() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
			return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { (byte) 10 }).encodeToString(key.getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
