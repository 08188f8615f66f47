package io.github.zitadelstarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.github.zitadelstarter.key.ApplicationKey;
import io.github.zitadelstarter.key.InvalidServiceUserKeyException;
import io.github.zitadelstarter.resourceserver.IntrospectionClientAuthentication;

import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;
import org.springframework.util.StringUtils;

/**
 * Reads how the API application authenticates its introspections from
 * {@code zitadel.resource-server.introspection.*}: its JSON key (read once) or its client id
 * and secret; every problem becomes an {@link InvalidZitadelConfigurationException} that
 * names the property.
 */
final class IntrospectionCredentials {

	private static final String PREFIX = "zitadel.resource-server.introspection.";

	private static final String CHOICES = "the API application's JSON key with " + PREFIX + "key-file (or key-json), "
			+ "which ZITADEL recommends, or its client id and secret with " + PREFIX + "client-id and client-secret";

	private IntrospectionCredentials() {
	}

	static IntrospectionClientAuthentication of(ZitadelProperties.Introspection introspection, String audience,
			Clock clock) {
		boolean key = introspection.getKeyFile() != null || introspection.getKeyJson() != null;
		boolean secret = introspection.getClientId() != null || introspection.getClientSecret() != null;
		if (key && secret) {
			throw new InvalidZitadelConfigurationException(PREFIX.substring(0, PREFIX.length() - 1),
					"both a JSON key and a client secret are set for the introspection", "Set exactly one: " + CHOICES + ".");
		}
		if (secret) {
			String clientId = introspection.getClientId();
			String clientSecret = introspection.getClientSecret();
			if (!StringUtils.hasText(clientId) || !StringUtils.hasText(clientSecret)) {
				String missing = !StringUtils.hasText(clientId) ? "client-id" : "client-secret";
				throw new InvalidZitadelConfigurationException(PREFIX + missing, PREFIX + missing + " is not set",
						"Set both " + PREFIX + "client-id and " + PREFIX
								+ "client-secret: ZITADEL shows them together when it generates the API application's secret.");
			}
			return IntrospectionClientAuthentication.basic(clientId, clientSecret);
		}
		return IntrospectionClientAuthentication.privateKeyJwt(load(introspection), audience, clock);
	}

	static ApplicationKey load(ZitadelProperties.Introspection introspection) {
		Resource keyFile = introspection.getKeyFile();
		if (keyFile != null && introspection.getKeyJson() != null) {
			throw new InvalidZitadelConfigurationException(PREFIX + "key-file",
					"both " + PREFIX + "key-file and " + PREFIX + "key-json are set", "Set only one of them.");
		}
		String property = PREFIX + ((keyFile != null) ? "key-file" : "key-json");
		String json = (keyFile != null) ? read(keyFile, property) : introspection.getKeyJson();
		try {
			return ApplicationKey.fromJson((json != null) ? json : "");
		}
		catch (InvalidServiceUserKeyException ex) {
			String message = ex.getMessage();
			throw new InvalidZitadelConfigurationException(property,
					property + " is not a usable application key: "
							+ (message.endsWith(".") ? message.substring(0, message.length() - 1) : message),
					ex.getAction(), ex);
		}
	}

	private static String read(Resource keyFile, String property) {
		if (!keyFile.exists()) {
			throw new InvalidZitadelConfigurationException(property,
					property + " points to " + keyFile.getDescription() + ", which does not exist",
					"Set it to the location of the API application's JSON key, such as "
							+ "file:/run/secrets/api-app-key.json (a location without file: is looked up on the class path).");
		}
		try (InputStream in = keyFile.getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidZitadelConfigurationException(property,
					property + " points to " + keyFile.getDescription() + ", which cannot be read ("
							+ ex.getClass().getSimpleName() + ")",
					"Make the file readable by the application's user.", ex);
		}
	}

}
