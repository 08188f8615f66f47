package io.github.zitadelstarter.key;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;

import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceUserKeyTests {

	private final TestServiceUser user = TestServiceUser.create();

	@Test
	void readsTheKeyFileAsZitadelWritesItWithPkcs1() {
		ServiceUserKey key = ServiceUserKey.fromJson(this.user.keyJson());
		assertThat(key.getKeyId()).isEqualTo(TestServiceUser.KEY_ID);
		assertThat(key.getUserId()).isEqualTo(TestServiceUser.USER_ID);
		assertThat(key.getPrivateKey().getModulus()).isEqualTo(this.user.publicKey().getModulus());
		assertThat(key.getExpirationDate()).isAfter(Instant.now());
	}

	@Test
	void readsPkcs8Keys() {
		ServiceUserKey key = ServiceUserKey.fromJson(this.user.keyJson(this.user.pkcs8Pem(), Instant.now().plusSeconds(60)));
		assertThat(key.getPrivateKey().getModulus()).isEqualTo(this.user.publicKey().getModulus());
	}

	@Test
	void readsNamesCaseInsensitivelyAndWithoutExpirationDate() {
		String json = this.user.keyJson()
			.replace("\"keyId\"", "\"KEYID\"")
			.replace("\"userId\"", "\"userid\"")
			.replaceAll(",?\"expirationDate\":\"[^\"]*\"", "");
		ServiceUserKey key = ServiceUserKey.fromJson(json);
		assertThat(key.getKeyId()).isEqualTo(TestServiceUser.KEY_ID);
		assertThat(key.getExpirationDate()).isNull();
	}

	@Test
	void refusesApplicationKeysSayingWhatTheyAre() {
		String json = "{\"type\":\"application\",\"keyId\":\"1\",\"key\":\"" + this.user.pkcs1Pem().replace("\n", "\\n")
				+ "\",\"appId\":\"2\",\"clientId\":\"3@project\"}";
		assertThatExceptionOfType(InvalidServiceUserKeyException.class).isThrownBy(() -> ServiceUserKey.fromJson(json))
			.withMessageContaining("application")
			.withMessageContaining("not a service user key")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("Service Users"));
	}

	@Test
	void refusesKeysWithoutIdUserOrKey() {
		for (String field : new String[] { "keyId", "userId", "key" }) {
			String json = this.user.keyJson().replace("\"" + field + "\"", "\"other\"");
			assertThatExceptionOfType(InvalidServiceUserKeyException.class)
				.isThrownBy(() -> ServiceUserKey.fromJson(json))
				.withMessage("The service user key has no '" + field + "'.");
		}
	}

	@Test
	void refusesWhatIsNotJson() {
		assertThatExceptionOfType(InvalidServiceUserKeyException.class)
			.isThrownBy(() -> ServiceUserKey.fromJson(this.user.pkcs1Pem()))
			.withMessage("The service user key is not a JSON object.");
	}

	@Test
	void refusesPublicKeysGarbageEncryptedAndNonRsaKeysWithoutEchoingThem() throws Exception {
		KeyPair ec = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
		String ecPem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(ec.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQI\n-----END ENCRYPTED PRIVATE KEY-----\n";
		String garbage = "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END RSA PRIVATE KEY-----\n";
		assertRefused(this.user.publicKeyPem(), "but it holds a public key");
		assertRefused(garbage, "but it holds no private key it could read");
		assertRefused("hello", "but it holds no private key it could read");
		assertRefused(encrypted, "but it is encrypted");
		assertRefused(ecPem, "but it holds a EC key");
	}

	@Test
	void refusesRsaKeysShorterThan2048Bits() {
		KeyPair small = TestServiceUser.generate(1024);
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(small.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		assertRefused(pem, "The RSA key has 1024 bits; at least 2048 are required.");
	}

	@Test
	void toStringNeverShowsThePrivateKey() {
		ServiceUserKey key = ServiceUserKey.fromJson(this.user.keyJson());
		assertThat(key.toString()).contains(TestServiceUser.KEY_ID, TestServiceUser.USER_ID, "******")
			.doesNotContain(this.user.privateKeyPemLine());
	}

	private void assertRefused(String pem, String expectedMessagePart) {
		String json = this.user.keyJson(pem, Instant.now().plusSeconds(60));
		assertThatExceptionOfType(InvalidServiceUserKeyException.class).isThrownBy(() -> ServiceUserKey.fromJson(json))
			.withMessageContaining(expectedMessagePart)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(pem.lines().max(java.util.Comparator.comparingInt(String::length)).orElseThrow()));
	}

}
