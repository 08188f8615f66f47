package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request that {@link LocalZitadel}'s token endpoint received, with what it answered. It
 * keeps the assertion's header and claims, never the signed assertion or a secret.
 *
 * @param grantType the {@code grant_type}, empty if there was none
 * @param scopes the requested scopes, in order
 * @param parameters the form fields but {@code assertion} and {@code client_secret}
 * @param headers the request headers, names in lower case, {@code Authorization} left out
 * @param clientId the client id of HTTP Basic authentication, or {@code null}
 * @param assertionHeader the assertion's JOSE header, empty without a readable assertion
 * @param assertionClaims the assertion's claims, {@code iat} and {@code exp} as epoch
 * seconds, empty without a readable assertion
 * @param status the HTTP status of the answer
 * @param refusal why the request was refused, which ZITADEL does not say; {@code null} if
 * a token was issued
 * @param receivedAt when it arrived, by the local ZITADEL's clock
 */
public record TokenRequest(String grantType, List<String> scopes, Map<String, String> parameters,
		Map<String, List<String>> headers, @Nullable String clientId, Map<String, Object> assertionHeader,
		Map<String, Object> assertionClaims, int status, @Nullable String refusal, Instant receivedAt) {

	public TokenRequest {
		scopes = List.copyOf(scopes);
		parameters = Map.copyOf(parameters);
		headers = Map.copyOf(headers);
		assertionHeader = Map.copyOf(assertionHeader);
		assertionClaims = Map.copyOf(assertionClaims);
	}

	/**
	 * Whether a token was issued.
	 * @return {@code true} for a 200 answer
	 */
	public boolean granted() {
		return this.status == 200;
	}

	/**
	 * The first value of a request header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the header was absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	@Override
	public String toString() {
		return "TokenRequest[" + this.grantType + " " + this.scopes + " -> " + this.status
				+ ((this.refusal != null) ? " (" + this.refusal + ")" : "") + "]";
	}

}
