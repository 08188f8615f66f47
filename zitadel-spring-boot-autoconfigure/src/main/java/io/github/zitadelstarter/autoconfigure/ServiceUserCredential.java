package io.github.zitadelstarter.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The one credential the service user authenticates with, of the three that ZITADEL offers,
 * read from {@code zitadel.service-user.*} and checked: exactly one, complete.
 */
enum ServiceUserCredential {

	/** A JSON key, traded for tokens with the JWT-bearer grant; what ZITADEL recommends. */
	JWT_KEY("a JSON key"),

	/** A client id and secret, traded for tokens with the client-credentials grant. */
	CLIENT_SECRET("a client secret"),

	/** A personal access token, sent to the APIs as it is. */
	PERSONAL_ACCESS_TOKEN("a personal access token");

	private static final String PROPERTY = "zitadel.service-user";

	private static final String CHOICES = "a JSON key with zitadel.service-user.key-file (or key-json), which ZITADEL "
			+ "recommends; a client secret with zitadel.service-user.client-id and client-secret; or a personal "
			+ "access token with zitadel.service-user.personal-access-token";

	private final String description;

	ServiceUserCredential(String description) {
		this.description = description;
	}

	/** Such as "a client secret", for messages and the startup line. */
	String description() {
		return this.description;
	}

	/**
	 * The credential the properties configure.
	 * @param serviceUser the properties
	 * @param applicationKey whether the application brings a service user key of its own
	 * @return the credential
	 * @throws InvalidZitadelConfigurationException if none, more than one, or an incomplete
	 * one is configured
	 */
	static ServiceUserCredential of(ZitadelProperties.ServiceUser serviceUser, boolean applicationKey) {
		List<ServiceUserCredential> configured = new ArrayList<>();
		if (applicationKey || serviceUser.getKeyFile() != null || StringUtils.hasText(serviceUser.getKeyJson())) {
			configured.add(JWT_KEY);
		}
		if (serviceUser.getClientId() != null || serviceUser.getClientSecret() != null) {
			requireBoth(serviceUser.getClientId(), "client-id", serviceUser.getClientSecret(), "client-secret");
			requireBoth(serviceUser.getClientSecret(), "client-secret", serviceUser.getClientId(), "client-id");
			configured.add(CLIENT_SECRET);
		}
		if (serviceUser.getPersonalAccessToken() != null) {
			if (!StringUtils.hasText(serviceUser.getPersonalAccessToken())) {
				throw new InvalidZitadelConfigurationException(PROPERTY + ".personal-access-token",
						"zitadel.service-user.personal-access-token is empty",
						"Set it to a personal access token of the service user, or remove it to use another credential.");
			}
			configured.add(PERSONAL_ACCESS_TOKEN);
		}
		if (configured.isEmpty()) {
			throw new InvalidZitadelConfigurationException(PROPERTY, "no service user credential is set",
					"Set exactly one: " + CHOICES + ".");
		}
		if (configured.size() > 1) {
			throw new InvalidZitadelConfigurationException(PROPERTY,
					"more than one service user credential is set: "
							+ String.join(" and ", configured.stream().map(ServiceUserCredential::description).toList()),
					"Set exactly one: " + CHOICES + ".");
		}
		return configured.get(0);
	}

	private static void requireBoth(@Nullable String value, String name, @Nullable String other, String otherName) {
		if (value != null && !StringUtils.hasText(other)) {
			throw new InvalidZitadelConfigurationException(PROPERTY + "." + otherName,
					"zitadel.service-user." + name + " is set but zitadel.service-user." + otherName
							+ ((other == null) ? " is not" : " is empty"),
					"Set both: ZITADEL shows the client id and the secret together when it generates a client secret "
							+ "for the service user.");
		}
	}

}
