package io.github.zitadelstarter.autoconfigure;

import java.net.URI;

/**
 * The URLs derived from {@code zitadel.issuer}.
 */
final class ZitadelUrls {

	private ZitadelUrls() {
	}

	/** The issuer without a trailing slash: the base of API calls. */
	static String base(URI issuer) {
		String text = issuer.toString();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

	/**
	 * The issuer exactly as ZITADEL compares it with an assertion's {@code aud}: scheme,
	 * host and port, without path or trailing slash.
	 */
	static String audience(URI issuer) {
		return issuer.getScheme().toLowerCase() + "://" + issuer.getRawAuthority();
	}

	static URI tokenEndpoint(ZitadelProperties properties) {
		URI configured = properties.getTokenEndpoint();
		return (configured != null) ? configured : URI.create(base(properties.issuerUri()) + "/oauth/v2/token");
	}

}
