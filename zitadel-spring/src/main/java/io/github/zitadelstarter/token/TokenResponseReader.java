package io.github.zitadelstarter.token;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zitadelstarter.assertion.ZitadelClock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Reads whatever the token endpoint answered, for the reactive and the blocking token
 * response clients alike. Only a usable Bearer token gets through; everything else becomes a
 * {@link TokenEndpointException} that says what came back and what to check: an error
 * answer (with its status and {@code Retry-After}), a redirect (never followed, so the
 * assertion goes nowhere else), a page that is not a token response (a proxy's login page),
 * a token type other than Bearer. A token without a usable {@code expires_in} is given a
 * conservative lifetime, with one warning, rather than being taken for a token that expires
 * at once.
 */
final class TokenResponseReader {

	/** Spring Security's code for an answer that is not a token response. */
	static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	/** The most of a token endpoint's answer that is read. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private static final int BODY_PREFIX_LENGTH = 100;

	private static final Log logger = LogFactory.getLog(TokenResponseReader.class);

	private final DefaultMapOAuth2AccessTokenResponseConverter converter = new DefaultMapOAuth2AccessTokenResponseConverter();

	private final Duration defaultLifetime;

	private final Clock clock;

	private final @Nullable ZitadelClock zitadelClock;

	private final AtomicBoolean warnedAboutLifetime = new AtomicBoolean();

	/**
	 * Creates a reader.
	 * @param defaultLifetime the lifetime of a token whose answer has no usable
	 * {@code expires_in}
	 * @param clock this machine's clock, against which {@code Retry-After} dates are read
	 * @param zitadelClock learns ZITADEL's clock from the answers' {@code Date}, if the grant
	 * dates assertions by it
	 */
	TokenResponseReader(Duration defaultLifetime, Clock clock, @Nullable ZitadelClock zitadelClock) {
		this.defaultLifetime = defaultLifetime;
		this.clock = clock;
		this.zitadelClock = zitadelClock;
	}

	/** Every answer carries ZITADEL's clock, rejections included. */
	private void observeDate(HttpHeaders headers) {
		long date = headers.getDate();
		if (this.zitadelClock != null && date > 0) {
			this.zitadelClock.observe(Instant.ofEpochMilli(date), this.clock.instant());
		}
	}

	/**
	 * Reads an answer.
	 * @param status its HTTP status
	 * @param headers its headers
	 * @param body its body, or its first {@value #MAX_BODY_BYTES} bytes
	 * @return the token response
	 * @throws TokenEndpointException if it is not a usable Bearer token
	 */
	OAuth2AccessTokenResponse read(int status, HttpHeaders headers, String body) {
		if (status < 200 || status >= 300) {
			throw failure(status, headers, body);
		}
		observeDate(headers);
		Map<String, Object> json = parse(body);
		if (json == null) {
			throw notATokenResponse(status, "HTTP " + status + " with " + describe(headers.getContentType(), body)
					+ " instead of a token response. Something in front of ZITADEL (a proxy, a login page) may have "
					+ "answered: check zitadel.issuer and the network between this application and ZITADEL");
		}
		if (!(json.get(OAuth2ParameterNames.ACCESS_TOKEN) instanceof String token) || token.isBlank()) {
			throw notATokenResponse(status, "HTTP " + status + " with JSON that holds no access_token (fields: "
					+ json.keySet() + "). Check zitadel.issuer and zitadel.token-endpoint");
		}
		Object tokenType = json.get(OAuth2ParameterNames.TOKEN_TYPE);
		if (!(tokenType instanceof String type) || !"bearer".equals(type.toLowerCase(Locale.ROOT))) {
			throw new TokenEndpointException(status, new OAuth2Error("unsupported_token_type", "token_type '"
					+ tokenType + "' is not supported: the starter sends access tokens as Bearer tokens only", null),
					null);
		}
		return this.converter.convert(withUsableLifetime(json));
	}

	/**
	 * Explains an answer that is not a success: an error, or a redirect that is not
	 * followed.
	 * @param status its HTTP status
	 * @param headers its headers
	 * @param body its body
	 * @return the failure to throw
	 */
	TokenEndpointException failure(int status, HttpHeaders headers, String body) {
		observeDate(headers);
		if (status >= 300 && status < 400) {
			return redirected(status, headers.getLocation());
		}
		return TokenEndpointException.of(status, headers.getFirst(HttpHeaders.RETRY_AFTER), body, this.clock.instant(),
				describe(headers.getContentType(), body));
	}

	private Map<String, Object> withUsableLifetime(Map<String, Object> json) {
		long expiresIn = expiresIn(json.get(OAuth2ParameterNames.EXPIRES_IN));
		if (expiresIn > 0) {
			return json;
		}
		if (this.warnedAboutLifetime.compareAndSet(false, true)) {
			logger.warn("ZITADEL's token response has no usable expires_in (was " + json.get(OAuth2ParameterNames.EXPIRES_IN)
					+ "); its tokens are taken to live " + this.defaultLifetime.toSeconds() + "s "
					+ "(zitadel.token.default-lifetime). A real ZITADEL always sends expires_in: check zitadel.issuer.");
		}
		Map<String, Object> withLifetime = new HashMap<>(json);
		withLifetime.put(OAuth2ParameterNames.EXPIRES_IN, this.defaultLifetime.toSeconds());
		return withLifetime;
	}

	private static long expiresIn(@Nullable Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof String text) {
			try {
				return Long.parseLong(text.trim());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}
		return 0;
	}

	private static @Nullable Map<String, Object> parse(String body) {
		try {
			return JSONObjectUtils.parse(body);
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static TokenEndpointException redirected(int status, @Nullable URI location) {
		String target = (location != null) ? withoutQuery(location) : "no Location";
		return new TokenEndpointException(status, new OAuth2Error(INVALID_TOKEN_RESPONSE, "HTTP " + status
				+ " redirect to " + target + ", which is not followed, so that the assertion goes to the token endpoint "
				+ "only. Set zitadel.issuer (or zitadel.token-endpoint) to the URL at which ZITADEL really answers "
				+ "(https rather than http, the instance's own domain)", null), null);
	}

	private static TokenEndpointException notATokenResponse(int status, String description) {
		return new TokenEndpointException(status, new OAuth2Error(INVALID_TOKEN_RESPONSE, description, null), null);
	}

	private static String withoutQuery(URI location) {
		String text = location.toString();
		int query = text.indexOf('?');
		return (query >= 0) ? text.substring(0, query) : text;
	}

	/**
	 * What came back, for a person to recognise: the content type and the start of the body,
	 * unless the body may hold a token.
	 */
	static String describe(@Nullable MediaType contentType, String body) {
		String type = (contentType != null) ? "content type " + contentType : "no content type";
		if (body.isBlank()) {
			return type + " and an empty body";
		}
		if (body.toLowerCase(Locale.ROOT).contains("token")) {
			return type + " (body not shown: it may hold a token)";
		}
		String prefix = body.strip().replaceAll("\\s+", " ");
		if (prefix.length() > BODY_PREFIX_LENGTH) {
			prefix = prefix.substring(0, BODY_PREFIX_LENGTH) + "...";
		}
		return type + ", starting '" + prefix + "'";
	}

}
