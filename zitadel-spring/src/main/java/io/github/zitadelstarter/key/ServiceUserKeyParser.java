package io.github.zitadelstarter.key;

import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Parses ZITADEL's service user key JSON:
 * {@code {"type":"serviceaccount","keyId":"..","key":"-----BEGIN RSA PRIVATE KEY-----..","userId":"..","expirationDate":".."}}.
 *
 * <p>
 * Names are read case-insensitively because older ZITADEL versions spelled some of them
 * differently. The PEM may be PKCS#1 (what ZITADEL writes) or PKCS#8 (what other tools
 * write). Error messages describe what is wrong without repeating any of the file's content.
 */
final class ServiceUserKeyParser {

	private static final String DOWNLOAD_A_KEY = "Download a new JSON key for the service user in the ZITADEL console "
			+ "(Service Users > your user > Keys > New, type JSON) and configure that file.";

	/** RSA keys shorter than this are refused by nimbus-jose-jwt and by any sane server. */
	private static final int MINIMUM_RSA_KEY_BITS = 2048;

	private ServiceUserKeyParser() {
	}

	static ServiceUserKey parse(String json) {
		Map<String, Object> fields = readFields(json);
		String type = text(fields, "type");
		if (type != null && !"serviceaccount".equalsIgnoreCase(type)) {
			throw applicationKey(type);
		}
		if (type == null && (fields.containsKey("appId") || fields.containsKey("clientId"))) {
			throw applicationKey("application");
		}
		String keyId = required(fields, "keyId");
		String userId = required(fields, "userId");
		RSAPrivateKey privateKey = readPrivateKey(required(fields, "key"));
		return new ServiceUserKey(keyId, userId, privateKey, readExpirationDate(fields));
	}

	private static Map<String, Object> readFields(String json) {
		return readFields(json, "service user key", DOWNLOAD_A_KEY);
	}

	static Map<String, Object> readFields(String json, String what, String download) {
		try {
			Map<String, Object> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			fields.putAll(JSONObjectUtils.parse(json));
			return fields;
		}
		catch (ParseException ex) {
			// Deliberately without the cause: a parser's message may quote the content.
			throw new InvalidServiceUserKeyException("The " + what + " is not a JSON object.", download);
		}
	}

	private static InvalidServiceUserKeyException applicationKey(String type) {
		return new InvalidServiceUserKeyException("The key is of type '" + type
				+ "': it is an application (API or OIDC app) key, used to authenticate an application, "
				+ "not a service user key.",
				"Use a key of a service user instead: in the ZITADEL console open Users > Service Users, "
						+ "select (or create) the user, and add a key of type JSON under Keys.");
	}

	private static String required(Map<String, Object> fields, String name) {
		return required(fields, name, "service user key", "'keyId', 'userId' and 'key'", DOWNLOAD_A_KEY);
	}

	static String required(Map<String, Object> fields, String name, String what, String contents, String download) {
		String value = text(fields, name);
		if (!StringUtils.hasText(value)) {
			throw new InvalidServiceUserKeyException("The " + what + " has no '" + name + "'.",
					"Use the JSON key file exactly as ZITADEL issued it; it contains " + contents + ". " + download);
		}
		return value;
	}

	static @Nullable String text(Map<String, Object> fields, String name) {
		Object value = fields.get(name);
		return (value != null) ? value.toString() : null;
	}

	private static RSAPrivateKey readPrivateKey(String pem) {
		return readPrivateKey(pem, DOWNLOAD_A_KEY);
	}

	static RSAPrivateKey readPrivateKey(String pem, String download) {
		String expectation = "'key' must hold an RSA private key in PEM (BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY)";
		if (pem.contains("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED")) {
			throw new InvalidServiceUserKeyException(expectation + ", but it is encrypted.",
					"Use the unencrypted key as ZITADEL issued it, or decrypt it first (openssl pkcs8 -in key.pem).");
		}
		PrivateKey privateKey = PemPrivateKeys.read(pem);
		if (privateKey == null) {
			String found = pem.contains("PUBLIC KEY") ? "a public key" : pem.contains("CERTIFICATE") ? "a certificate"
					: "no private key it could read";
			throw new InvalidServiceUserKeyException(expectation + ", but it holds " + found + ".", download);
		}
		if (!(privateKey instanceof RSAPrivateKey rsaPrivateKey)) {
			throw new InvalidServiceUserKeyException(
					expectation + ", but it holds a " + privateKey.getAlgorithm() + " key.", download);
		}
		if (rsaPrivateKey.getModulus().bitLength() < MINIMUM_RSA_KEY_BITS) {
			throw new InvalidServiceUserKeyException("The RSA key has " + rsaPrivateKey.getModulus().bitLength()
					+ " bits; at least " + MINIMUM_RSA_KEY_BITS + " are required.", download);
		}
		return rsaPrivateKey;
	}

	private static @Nullable Instant readExpirationDate(Map<String, Object> fields) {
		String value = text(fields, "expirationDate");
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidServiceUserKeyException(
					"The service user key's 'expirationDate' is not an ISO-8601 instant, was '" + value + "'.",
					"Use the JSON key file exactly as ZITADEL issued it.");
		}
	}

}
