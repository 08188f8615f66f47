package io.github.zitadelstarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.zitadelstarter.key.ApplicationKey;
import io.github.zitadelstarter.key.ServiceUserKey;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * The secrets of the starter's settings as the {@link Environment} holds them now, and whether a
 * value contains one: the service user's client secret, personal access token and key JSON, the
 * resource server's introspection client secret and key JSON, the signing keys of the
 * application's ZITADEL targets ({@code zitadel.actions.signing-key},
 * {@code previous-signing-key}), and the private key of each {@code key-json} and
 * {@code key-file}.
 *
 * <p>
 * The private key is looked for in its PKCS#1 (ZITADEL's) and PKCS#8 encodings, as
 * 64-character stretches of its base64 (a PEM line), in the value as it is and with line
 * breaks, escaped line breaks and backslashes taken out, so the key is found however it was
 * wrapped or quoted. The settings are read when asked, not when this is created: a sanitizing
 * function exists whether or not the starter is enabled, possibly before anything is bound. What
 * they yield is kept until a setting or the key file changes.
 */
final class ConfiguredSecrets {

	/**
	 * Secrets shorter than this are masked only under their own names. Looking for them in
	 * other values would mask anything that happens to contain them (an empty secret would
	 * mask everything), while the secrets ZITADEL generates are dozens of characters long.
	 */
	static final int MINIMUM_LENGTH = 8;

	/** What is looked for of the private key's base64: pieces as long as a PEM line. */
	private static final int KEY_PIECE_LENGTH = 64;

	/** ZITADEL's key files are about 2 KB; what is read of a key file is bounded. */
	private static final int MAXIMUM_KEY_FILE_SIZE = 64 * 1024;

	/** Line breaks, escaped line breaks (of any escaping depth) and other backslashes. */
	private static final Pattern WRAPPING = Pattern.compile("\\\\+[nrt]|\\\\|\\s+");

	/** The settings that are secrets as they are. */
	private static final List<String> SECRETS = List.of("zitadel.service-user.client-secret",
			"zitadel.service-user.personal-access-token", "zitadel.service-user.key-json",
			"zitadel.resource-server.introspection.client-secret", "zitadel.resource-server.introspection.key-json",
			"zitadel.actions.signing-key", "zitadel.actions.previous-signing-key");

	/** The settings that hold a JSON key, whose private key is looked for in other values too. */
	private static final List<String> KEY_JSONS = List.of("zitadel.service-user.key-json",
			"zitadel.resource-server.introspection.key-json");

	/** The settings that locate a JSON key file. */
	private static final List<String> KEY_FILES = List.of("zitadel.service-user.key-file",
			"zitadel.resource-server.introspection.key-file");

	private final Environment environment;

	private final ResourceLoader resourceLoader;

	private volatile Snapshot snapshot = new Snapshot(new Settings(Map.of(), Map.of()), List.of());

	ConfiguredSecrets(Environment environment, ResourceLoader resourceLoader) {
		this.environment = environment;
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Whether the value contains a configured secret, however it is wrapped.
	 * @param value a value about to be shown
	 * @return whether it must be masked
	 */
	boolean appearIn(String value) {
		List<String> secrets = current();
		if (secrets.isEmpty()) {
			return false;
		}
		String unwrapped = unwrap(value);
		for (String secret : secrets) {
			if (value.contains(secret) || unwrapped.contains(secret)) {
				return true;
			}
		}
		return false;
	}

	private List<String> current() {
		Settings settings = settings();
		Snapshot snapshot = this.snapshot;
		if (!snapshot.settings().equals(settings)) {
			snapshot = new Snapshot(settings, secrets(settings));
			this.snapshot = snapshot;
		}
		return snapshot.secrets();
	}

	private Settings settings() {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : SECRETS) {
			String value = property(name);
			if (value != null) {
				values.put(name, value);
			}
		}
		Map<Resource, String> keyFiles = new LinkedHashMap<>();
		for (String name : KEY_FILES) {
			String location = property(name);
			if (StringUtils.hasText(location)) {
				Resource keyFile = this.resourceLoader.getResource(location.trim());
				keyFiles.put(keyFile, String.valueOf(version(keyFile)));
			}
		}
		return new Settings(values, keyFiles);
	}

	private @Nullable String property(String name) {
		try {
			return this.environment.getProperty(name);
		}
		catch (RuntimeException ex) {
			// Such as a placeholder that cannot be resolved: the masking by name still applies.
			return null;
		}
	}

	/** Tells a key file replaced on disk (a rotation) from the one read before. */
	private static @Nullable String version(Resource keyFile) {
		if (!keyFile.isFile()) {
			return null;
		}
		try {
			return keyFile.lastModified() + "/" + keyFile.contentLength();
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static List<String> secrets(Settings settings) {
		Set<String> secrets = new LinkedHashSet<>();
		settings.values().values().forEach((secret) -> addSecret(secrets, secret));
		KEY_JSONS.forEach((name) -> addPrivateKey(secrets, settings.values().get(name)));
		settings.keyFiles().keySet().forEach((keyFile) -> addPrivateKey(secrets, read(keyFile)));
		return List.copyOf(secrets);
	}

	private static void addSecret(Set<String> secrets, @Nullable String secret) {
		if (secret != null) {
			addIfLongEnough(secrets, secret);
			addIfLongEnough(secrets, unwrap(secret));
		}
	}

	private static void addPrivateKey(Set<String> secrets, @Nullable String keyJson) {
		if (!StringUtils.hasText(keyJson)) {
			return;
		}
		byte[] pkcs8 = privateKey(keyJson);
		if (pkcs8 == null) {
			return;
		}
		addPieces(secrets, pkcs8);
		byte[] pkcs1 = pkcs1(pkcs8);
		if (pkcs1 != null) {
			addPieces(secrets, pkcs1);
		}
	}

	/** The PKCS#8 encoding of a service user's or an application's key, if it is either. */
	private static byte @Nullable [] privateKey(String keyJson) {
		try {
			return ServiceUserKey.fromJson(keyJson).getPrivateKey().getEncoded();
		}
		catch (RuntimeException notAServiceUserKey) {
			try {
				return ApplicationKey.fromJson(keyJson).getPrivateKey().getEncoded();
			}
			catch (RuntimeException notAKeyTheStarterCouldUse) {
				// Its PEM armour and the configured string are still masked.
				return null;
			}
		}
	}

	private static void addPieces(Set<String> secrets, byte[] der) {
		String base64 = Base64.getEncoder().encodeToString(der);
		for (int start = 0; start < base64.length(); start += KEY_PIECE_LENGTH) {
			addIfLongEnough(secrets, base64.substring(start, Math.min(base64.length(), start + KEY_PIECE_LENGTH)));
		}
	}

	private static void addIfLongEnough(Set<String> secrets, String secret) {
		if (secret.length() >= MINIMUM_LENGTH) {
			secrets.add(secret);
		}
	}

	private static @Nullable String read(Resource keyFile) {
		try (InputStream in = keyFile.getInputStream()) {
			return new String(in.readNBytes(MAXIMUM_KEY_FILE_SIZE), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * The PKCS#1 {@code RSAPrivateKey} inside a PKCS#8 {@code PrivateKeyInfo}
	 * ({@code SEQUENCE { INTEGER version, SEQUENCE algorithm, OCTET STRING privateKey }}),
	 * which is what {@code BEGIN RSA PRIVATE KEY} holds.
	 */
	private static byte @Nullable [] pkcs1(byte[] pkcs8) {
		try {
			Der der = new Der(pkcs8);
			der.enter(0x30);
			der.skip(0x02);
			der.skip(0x30);
			int length = der.enter(0x04);
			int end = Math.addExact(der.position, length);
			return (end <= pkcs8.length) ? Arrays.copyOfRange(pkcs8, der.position, end) : null;
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException ex) {
			return null;
		}
	}

	private static String unwrap(String value) {
		return WRAPPING.matcher(value).replaceAll("");
	}

	/**
	 * The settings the secrets come from; equal settings give the same secrets. Shown without them.
	 * @param values the secret settings by name
	 * @param keyFiles the key files and their versions, which tell a file replaced on disk
	 */
	private record Settings(Map<String, String> values, Map<Resource, String> keyFiles) {

		@Override
		public String toString() {
			return "Settings[keyFiles=" + this.keyFiles.keySet() + "]";
		}

	}

	private record Snapshot(Settings settings, List<String> secrets) {

		@Override
		public String toString() {
			return "Snapshot[" + this.secrets.size() + " secrets]";
		}

	}

	/** Just enough of a DER reader to walk a {@code PrivateKeyInfo}. */
	private static final class Der {

		private final byte[] bytes;

		private int position;

		Der(byte[] bytes) {
			this.bytes = bytes;
		}

		/** Reads the tag and length of an element, leaving the position at its content. */
		int enter(int tag) {
			if ((this.bytes[this.position++] & 0xff) != tag) {
				throw new IllegalArgumentException("unexpected tag");
			}
			int length = this.bytes[this.position++] & 0xff;
			if (length > 0x7f) {
				int octets = length & 0x7f;
				if (octets > 3) {
					throw new IllegalArgumentException("too long");
				}
				length = 0;
				for (int i = 0; i < octets; i++) {
					length = (length << 8) | (this.bytes[this.position++] & 0xff);
				}
			}
			return length;
		}

		void skip(int tag) {
			int length = enter(tag);
			this.position = Math.addExact(this.position, length);
		}

	}

}
