package io.github.zitadelstarter.key;

import java.util.Map;

/**
 * Parses ZITADEL's application key JSON (type {@code application}), the key of an API or
 * OIDC application. Shares the service user key's reading: names case-insensitive, PKCS#1 or
 * PKCS#8 PEM, messages that never repeat the file's content.
 */
final class ApplicationKeyParser {

	private static final String DOWNLOAD_A_KEY = "Download a new JSON key for the API application in the ZITADEL console "
			+ "(Projects > your project > your API application > Keys > New, type JSON) and configure that file.";

	private ApplicationKeyParser() {
	}

	static ApplicationKey parse(String json) {
		Map<String, Object> fields = ServiceUserKeyParser.readFields(json, "application key", DOWNLOAD_A_KEY);
		String type = ServiceUserKeyParser.text(fields, "type");
		boolean serviceUserKey = (type != null) ? "serviceaccount".equalsIgnoreCase(type)
				: fields.containsKey("userId") && !fields.containsKey("clientId");
		if (serviceUserKey) {
			throw new InvalidServiceUserKeyException("The key is of type 'serviceaccount': it is a service user's key, "
					+ "used to call ZITADEL's APIs as that user, not an application key.",
					"Use a key of the API application that checks the tokens instead: in the ZITADEL console open "
							+ "Projects > your project > your API application, choose the authentication method "
							+ "Private Key JWT and add a key of type JSON.");
		}
		if (type != null && !"application".equalsIgnoreCase(type)) {
			throw new InvalidServiceUserKeyException("The key is of type '" + type + "', not 'application'.",
					DOWNLOAD_A_KEY);
		}
		String contents = "'keyId', 'clientId', 'appId' and 'key'";
		String keyId = ServiceUserKeyParser.required(fields, "keyId", "application key", contents, DOWNLOAD_A_KEY);
		String clientId = ServiceUserKeyParser.required(fields, "clientId", "application key", contents,
				DOWNLOAD_A_KEY);
		String appId = ServiceUserKeyParser.text(fields, "appId");
		return new ApplicationKey(keyId, clientId, (appId != null) ? appId : "",
				ServiceUserKeyParser.readPrivateKey(
						ServiceUserKeyParser.required(fields, "key", "application key", contents, DOWNLOAD_A_KEY),
						DOWNLOAD_A_KEY));
	}

}
