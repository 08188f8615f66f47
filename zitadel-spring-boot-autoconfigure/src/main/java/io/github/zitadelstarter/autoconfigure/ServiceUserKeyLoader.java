package io.github.zitadelstarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;

import io.github.zitadelstarter.key.InvalidServiceUserKeyException;
import io.github.zitadelstarter.key.ServiceUserKey;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;
import org.springframework.util.StringUtils;

/**
 * Reads the service user key named by {@code zitadel.service-user.*} once, and turns every
 * problem into an {@link InvalidZitadelConfigurationException} that names the property.
 */
final class ServiceUserKeyLoader {

	private ServiceUserKeyLoader() {
	}

	static ServiceUserKey load(ZitadelProperties.ServiceUser serviceUser, Instant now) {
		Resource keyFile = serviceUser.getKeyFile();
		boolean hasJson = StringUtils.hasText(serviceUser.getKeyJson());
		if ((keyFile != null) == hasJson) {
			throw new InvalidZitadelConfigurationException("zitadel.service-user",
					hasJson ? "both zitadel.service-user.key-file and zitadel.service-user.key-json are set"
							: "neither zitadel.service-user.key-file nor zitadel.service-user.key-json is set",
					"Set exactly one of them: key-file to the location of the service user's JSON key "
							+ "(for example file:/run/secrets/zitadel-key.json), or key-json to its content.");
		}
		String property = (keyFile != null) ? "zitadel.service-user.key-file" : "zitadel.service-user.key-json";
		String json = (keyFile != null) ? read(keyFile) : serviceUser.getKeyJson();
		ServiceUserKey key;
		try {
			key = ServiceUserKey.fromJson((json != null) ? json : "");
		}
		catch (InvalidServiceUserKeyException ex) {
			throw new InvalidZitadelConfigurationException(property,
					property + " is not a usable service user key: " + stripPeriod(ex.getMessage()), ex.getAction(),
					ex);
		}
		if (key.isExpiredAt(now)) {
			throw new InvalidZitadelConfigurationException(property,
					"the service user key " + key.getKeyId() + " of " + property + " expired at "
							+ key.getExpirationDate() + "; ZITADEL no longer accepts it",
					"Add a new JSON key to the service user in the ZITADEL console and configure it.");
		}
		return key;
	}

	private static String read(Resource keyFile) {
		String property = "zitadel.service-user.key-file";
		if (!keyFile.exists()) {
			Path fileWithThatPath = fileWithThePathOf(keyFile);
			String action = (fileWithThatPath != null)
					? "A location without a prefix is looked up on the class path. To read the file " + fileWithThatPath
							+ ", prefix it with file: (file:" + fileWithThatPath + ")."
					: "Set it to the location of the service user's JSON key, such as file:/run/secrets/zitadel-key.json "
							+ "or classpath:zitadel-key.json.";
			throw new InvalidZitadelConfigurationException(property,
					property + " points to " + keyFile.getDescription() + ", which does not exist", action);
		}
		if (!keyFile.isReadable()) {
			throw unreadable(keyFile, "not a readable file", null);
		}
		try (InputStream in = keyFile.getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw unreadable(keyFile, ex.getClass().getSimpleName(), ex);
		}
	}

	/** A file on disk at the path that was given without {@code file:} and so taken for a class path. */
	private static @Nullable Path fileWithThePathOf(Resource keyFile) {
		if (!(keyFile instanceof ClassPathResource classPathResource)) {
			return null;
		}
		for (String candidate : new String[] { "/" + classPathResource.getPath(), classPathResource.getPath() }) {
			try {
				Path path = Path.of(candidate);
				if (Files.isRegularFile(path)) {
					return path.toAbsolutePath();
				}
			}
			catch (InvalidPathException ex) {
				// not a file path at all
			}
		}
		return null;
	}

	private static InvalidZitadelConfigurationException unreadable(Resource keyFile, String reason,
			@Nullable Throwable cause) {
		String property = "zitadel.service-user.key-file";
		return new InvalidZitadelConfigurationException(property,
				property + " points to " + keyFile.getDescription() + ", which cannot be read (" + reason + ")",
				"Make the file readable by the application's user, or point the property at a readable copy.", cause);
	}

	private static String stripPeriod(String message) {
		return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
	}

}
