package io.github.zitadelstarter.autoconfigure;

import java.net.URI;

import io.github.zitadelstarter.token.ZitadelOrigins;

/**
 * The URLs derived from {@code zitadel.issuer}, spelled as ZITADEL spells its issuer whatever
 * spelling the property uses.
 */
final class ZitadelUrls {

	private ZitadelUrls() {
	}

	/**
	 * The issuer in its canonical form, without a trailing slash: the base of API calls and
	 * the form shown to people.
	 */
	static String base(URI issuer) {
		String path = (issuer.getRawPath() != null) ? issuer.getRawPath() : "";
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return ZitadelOrigins.canonical(issuer) + path;
	}

	/**
	 * The issuer exactly as ZITADEL compares it with an assertion's {@code aud}: scheme,
	 * host and port, without path or trailing slash.
	 */
	static String audience(URI issuer) {
		return ZitadelOrigins.canonical(issuer);
	}

	static URI tokenEndpoint(ZitadelProperties properties) {
		URI configured = properties.getTokenEndpoint();
		return (configured != null) ? configured : URI.create(base(properties.issuerUri()) + "/oauth/v2/token");
	}

}
