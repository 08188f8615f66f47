package io.github.zitadelstarter.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * A service user with a freshly generated RSA key, and its key file in ZITADEL's format.
 */
public final class TestServiceUser {

	public static final String KEY_ID = "300000000000000001";

	public static final String USER_ID = "300000000000000042";

	private static final byte[] PKCS8_RSA_2048_PREFIX = { 0x30, (byte) 0x82 };

	private final KeyPair keyPair;

	private TestServiceUser(KeyPair keyPair) {
		this.keyPair = keyPair;
	}

	/** A new service user with a 2048-bit key. */
	public static TestServiceUser create() {
		return new TestServiceUser(generate(2048));
	}

	public static KeyPair generate(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public RSAPublicKey publicKey() {
		return (RSAPublicKey) this.keyPair.getPublic();
	}

	public JWSVerifier verifier() {
		return new RSASSAVerifier(publicKey());
	}

	/** The key as ZITADEL writes it: PKCS#1, {@code BEGIN RSA PRIVATE KEY}. */
	public String pkcs1Pem() {
		byte[] pkcs8 = this.keyPair.getPrivate().getEncoded();
		// A 2048-bit key's PKCS#8 wrapper is a fixed 26-byte header around the PKCS#1 key.
		if (pkcs8[0] != PKCS8_RSA_2048_PREFIX[0] || pkcs8[1] != PKCS8_RSA_2048_PREFIX[1] || pkcs8[22] != 0x04) {
			throw new IllegalStateException("unexpected PKCS#8 layout");
		}
		return pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
	}

	/** The key as most other tools write it: PKCS#8, {@code BEGIN PRIVATE KEY}. */
	public String pkcs8Pem() {
		return pem("PRIVATE KEY", this.keyPair.getPrivate().getEncoded());
	}

	public String publicKeyPem() {
		return pem("PUBLIC KEY", this.keyPair.getPublic().getEncoded());
	}

	/** The key file ZITADEL hands out, expiring in a year. */
	public String keyJson() {
		return keyJson(pkcs1Pem(), Instant.now().plusSeconds(365L * 24 * 3600));
	}

	public String keyJson(String pem, Instant expirationDate) {
		return keyJson(KEY_ID, USER_ID, pem, expirationDate);
	}

	/**
	 * A key file with this key under another key id or user: another key of
	 * {@link #USER_ID} (a rotation) when {@code userId} is {@link #USER_ID}.
	 */
	public String keyJson(String keyId, String userId, Instant expirationDate) {
		return keyJson(keyId, userId, pkcs1Pem(), expirationDate);
	}

	private static String keyJson(String keyId, String userId, String pem, Instant expirationDate) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "serviceaccount");
		json.put("keyId", keyId);
		json.put("key", pem);
		json.put("userId", userId);
		json.put("expirationDate", expirationDate.toString());
		return JSONObjectUtils.toJSONString(json);
	}

	/** A line from the middle of the private key's PEM: what must never appear in a log or message. */
	public String privateKeyPemLine() {
		return pkcs1Pem().split("\n")[5];
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
