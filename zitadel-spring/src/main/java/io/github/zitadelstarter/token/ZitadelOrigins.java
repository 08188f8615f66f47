package io.github.zitadelstarter.token;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

	private final List<Origin> origins;

	/**
	 * Creates the set of origins.
	 * @param issuer the issuer, whose origin is always included
	 * @param additional further origins of the same instance, such as a custom domain
	 */
	public ZitadelOrigins(URI issuer, Collection<URI> additional) {
		Set<Origin> origins = new LinkedHashSet<>();
		origins.add(Origin.of(issuer));
		additional.forEach((uri) -> origins.add(Origin.of(uri)));
		this.origins = List.copyOf(origins);
	}

	/**
	 * Whether a request to this URL is a request to ZITADEL. Allocates nothing: it runs for
	 * every request.
	 * @param url the request's absolute URL
	 * @return whether the token may be sent with it
	 */
	public boolean contains(@Nullable URI url) {
		if (url == null || url.getScheme() == null || url.getHost() == null) {
			return false;
		}
		for (Origin origin : this.origins) {
			if (origin.matches(url)) {
				return true;
			}
		}
		return false;
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
		int port = effectivePort(url);
		return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ((port == defaultPort(scheme)) ? "" : ":" + port);
	}

	/** The port, the scheme's default one when the URL names none. */
	private static int effectivePort(URI url) {
		return (url.getPort() != -1) ? url.getPort() : defaultPort(url.getScheme());
	}

	private static int defaultPort(String scheme) {
		return "https".equalsIgnoreCase(scheme) ? 443 : ("http".equalsIgnoreCase(scheme) ? 80 : -1);
	}

	/** One origin, in lower case, with its port always spelled out. */
	private record Origin(String scheme, String host, int port) {

		static Origin of(URI url) {
			return new Origin(url.getScheme().toLowerCase(Locale.ROOT), url.getHost().toLowerCase(Locale.ROOT),
					effectivePort(url));
		}

		boolean matches(URI url) {
			return this.port == effectivePort(url) && this.scheme.equalsIgnoreCase(url.getScheme())
					&& this.host.equalsIgnoreCase(url.getHost());
		}

		@Override
		public String toString() {
			return this.scheme + "://" + this.host + ((this.port == defaultPort(this.scheme)) ? "" : ":" + this.port);
		}

	}

	@Override
	public String toString() {
		return "ZitadelOrigins" + this.origins;
	}

}
