package io.github.zitadelstarter.token;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The origins (scheme, host and port) at which ZITADEL's APIs are served: the issuer's, and
 * any the application lists besides. The service user's access token is sent to these and to
 * no other. Origins are compared as ZITADEL spells its issuer: scheme and host in lower case,
 * no default port.
 */
public final class ZitadelOrigins {

	private final Set<String> origins;

	/**
	 * Creates the set of origins.
	 * @param issuer the issuer, whose origin is always included
	 * @param additional further origins of the same instance, such as a custom domain
	 */
	public ZitadelOrigins(URI issuer, Collection<URI> additional) {
		Set<String> origins = new LinkedHashSet<>();
		origins.add(canonical(issuer));
		additional.forEach((uri) -> origins.add(canonical(uri)));
		this.origins = Set.copyOf(origins);
	}

	/**
	 * Whether a request to this URL is a request to ZITADEL.
	 * @param url the request's absolute URL
	 * @return whether the token may be sent with it
	 */
	public boolean contains(@Nullable URI url) {
		return url != null && url.getScheme() != null && url.getHost() != null
				&& this.origins.contains(canonical(url));
	}

	/**
	 * The origin of a URL as ZITADEL spells its issuer, such as {@code https://my.zitadel.cloud}
	 * for {@code HTTPS://My.Zitadel.Cloud:443/path}. This is also the {@code aud} that ZITADEL
	 * expects in an assertion.
	 * @param url an absolute http(s) URL
	 * @return its canonical origin
	 */
	public static String canonical(URI url) {
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		String host = url.getHost().toLowerCase(Locale.ROOT);
		int port = url.getPort();
		boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
				|| ("http".equals(scheme) && port == 80);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

	@Override
	public String toString() {
		return "ZitadelOrigins" + this.origins;
	}

}
