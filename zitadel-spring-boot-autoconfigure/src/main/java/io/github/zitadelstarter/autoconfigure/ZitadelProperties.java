package io.github.zitadelstarter.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import io.github.zitadelstarter.token.ZitadelOrigins;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * Configuration of the ZITADEL service user client, under {@code zitadel.*}.
 */
@ConfigurationProperties("zitadel")
public class ZitadelProperties implements InitializingBean {

	/** Whether to call ZITADEL's APIs as the configured service user. */
	private boolean enabled = true;

	/** The ZITADEL instance's issuer URL, such as https://my-instance.zitadel.cloud. */
	private @Nullable String issuer;

	/**
	 * The token endpoint; defaults to {issuer}/oauth/v2/token. It must be at the issuer's
	 * origin or one of api-origins, since the credential goes there.
	 */
	private @Nullable URI tokenEndpoint;

	/** The organization the API calls act in (x-zitadel-orgid); defaults to the service user's own. */
	private @Nullable String organizationId;

	/** Scopes to request besides 'openid' and 'urn:zitadel:iam:org:project:id:zitadel:aud'. */
	private List<String> scopes = new ArrayList<>();

	/**
	 * Further origins (scheme://host[:port]) that serve the same instance's APIs, such as a
	 * custom domain; the access token is sent to the issuer's origin and these only.
	 */
	private List<URI> apiOrigins = new ArrayList<>();

	private final ServiceUser serviceUser = new ServiceUser();

	private final Assertion assertion = new Assertion();

	private final Token token = new Token();

	private final Health health = new Health();

	private final Ssl ssl = new Ssl();

	private final ResourceServer resourceServer = new ResourceServer();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getIssuer() {
		return this.issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public @Nullable URI getTokenEndpoint() {
		return this.tokenEndpoint;
	}

	public void setTokenEndpoint(@Nullable URI tokenEndpoint) {
		this.tokenEndpoint = tokenEndpoint;
	}

	public @Nullable String getOrganizationId() {
		return this.organizationId;
	}

	public void setOrganizationId(@Nullable String organizationId) {
		this.organizationId = organizationId;
	}

	public List<String> getScopes() {
		return this.scopes;
	}

	public void setScopes(List<String> scopes) {
		this.scopes = scopes;
	}

	public List<URI> getApiOrigins() {
		return this.apiOrigins;
	}

	public void setApiOrigins(List<URI> apiOrigins) {
		this.apiOrigins = apiOrigins;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public ResourceServer getResourceServer() {
		return this.resourceServer;
	}

	public ServiceUser getServiceUser() {
		return this.serviceUser;
	}

	public Assertion getAssertion() {
		return this.assertion;
	}

	public Token getToken() {
		return this.token;
	}

	public Health getHealth() {
		return this.health;
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Checks the properties that can be checked without reading the key. Where the key
	 * comes from is checked when it is read, since an application may bring its own
	 * {@code ServiceUserKey} bean instead.
	 * @throws InvalidZitadelConfigurationException naming the first property that is wrong
	 */
	public void validate() {
		issuerUri();
		if (this.tokenEndpoint != null && !isHttpUrl(this.tokenEndpoint)) {
			throw new InvalidZitadelConfigurationException("zitadel.token-endpoint",
					"zitadel.token-endpoint must be an absolute http(s) URL, was '" + this.tokenEndpoint + "'",
					"Remove it to use {zitadel.issuer}/oauth/v2/token, or set the full URL of the token endpoint.");
		}
		requirePositive("zitadel.assertion.lifetime", this.assertion.lifetime);
		requirePositive("zitadel.token.connect-timeout", this.token.connectTimeout);
		requirePositive("zitadel.token.read-timeout", this.token.readTimeout);
		requirePositive("zitadel.token.timeout", this.token.timeout);
		requirePositive("zitadel.token.max-wait", this.token.maxWait);
		requirePositive("zitadel.token.default-lifetime", this.token.defaultLifetime);
		requirePositive("zitadel.token.retry.cool-down", this.token.retry.coolDown);
		requirePositive("zitadel.token.retry.max-cool-down", this.token.retry.maxCoolDown);
		requirePositive("zitadel.token.retry.max-retry-after", this.token.retry.maxRetryAfter);
		for (URI origin : this.apiOrigins) {
			if (!isHttpUrl(origin)) {
				throw new InvalidZitadelConfigurationException("zitadel.api-origins",
						"zitadel.api-origins must hold absolute http(s) URLs, was '" + origin + "'",
						"List the origins as scheme://host[:port], such as https://auth.example.com.");
			}
		}
		requireTokenEndpointAtZitadel();
		requirePositive("zitadel.resource-server.timeout", this.resourceServer.timeout);
		requirePositive("zitadel.resource-server.introspection.max-age", this.resourceServer.introspection.maxAge);
		requirePositive("zitadel.resource-server.introspection.max-wait", this.resourceServer.introspection.maxWait);
		requireAtLeastOne("zitadel.resource-server.introspection.max-entries",
				this.resourceServer.introspection.maxEntries);
		if (this.resourceServer.introspection.coolDown.isNegative()) {
			throw new InvalidZitadelConfigurationException("zitadel.resource-server.introspection.cool-down",
					"zitadel.resource-server.introspection.cool-down must not be negative, was "
							+ this.resourceServer.introspection.coolDown,
					"Set it to how long tokens not yet known are refused after a failed introspection, such as 2s.");
		}
		requirePositive("zitadel.health.timeout", this.health.timeout);
		requirePositive("zitadel.health.max-age", this.health.maxAge);
		requirePositive("zitadel.service-user.key-file-check-interval", this.serviceUser.keyFileCheckInterval);
		requirePositive("zitadel.token.retry.initial-backoff", this.token.retry.initialBackoff);
		requirePositive("zitadel.token.retry.max-backoff", this.token.retry.maxBackoff);
		requirePositive("zitadel.token.retry.max-elapsed", this.token.retry.maxElapsed);
		requireAtLeastOne("zitadel.token.retry.max-attempts", this.token.retry.maxAttempts);
		requireAtLeastOne("zitadel.token.retry.rejected-assertion-attempts", this.token.retry.rejectedAssertionAttempts);
		if (this.assertion.clockSkew.isNegative()) {
			throw new InvalidZitadelConfigurationException("zitadel.assertion.clock-skew",
					"zitadel.assertion.clock-skew must not be negative, was " + this.assertion.clockSkew,
					"Set it to how far this machine's clock may run ahead of ZITADEL's, such as 30s.");
		}
		if (this.assertion.clockSkew.plus(this.assertion.lifetime)
			.compareTo(ServiceUserAssertionSigner.MAXIMUM_AGE) > 0) {
			throw new InvalidZitadelConfigurationException("zitadel.assertion.lifetime",
					"zitadel.assertion.lifetime plus zitadel.assertion.clock-skew must not exceed 1h, was "
							+ this.assertion.lifetime + " + " + this.assertion.clockSkew,
					"ZITADEL refuses assertions issued more than an hour ago; shorten the lifetime (5m is plenty).");
		}
	}

	/**
	 * The client secret or the signed assertion goes to the token endpoint, so it must be
	 * ZITADEL: at the issuer's origin or one the application lists as serving the same
	 * instance.
	 */
	private void requireTokenEndpointAtZitadel() {
		URI issuer = issuerUri();
		if (this.tokenEndpoint == null
				|| new ZitadelOrigins(issuer, this.apiOrigins).contains(this.tokenEndpoint)) {
			return;
		}
		String apiOrigins = this.apiOrigins.isEmpty() ? "none"
				: this.apiOrigins.stream().map(ZitadelOrigins::canonical).collect(Collectors.joining(", "));
		throw new InvalidZitadelConfigurationException("zitadel.token-endpoint",
				"zitadel.token-endpoint must be at the origin of zitadel.issuer (" + ZitadelOrigins.canonical(issuer)
						+ ") or of one of zitadel.api-origins (" + apiOrigins + "), was '" + this.tokenEndpoint
						+ "'",
				"Remove it to use {zitadel.issuer}/oauth/v2/token. If the same ZITADEL instance answers at that "
						+ "origin too (such as a custom domain), add the origin to zitadel.api-origins.");
	}

	/**
	 * The issuer as a URI, checked.
	 * @return the issuer
	 * @throws InvalidZitadelConfigurationException if it is missing or not an absolute
	 * http(s) URL
	 */
	public URI issuerUri() {
		String action = "Set zitadel.issuer to your instance's URL, such as https://my-instance.zitadel.cloud "
				+ "(the 'issuer' of {issuer}/.well-known/openid-configuration).";
		if (!StringUtils.hasText(this.issuer)) {
			throw new InvalidZitadelConfigurationException("zitadel.issuer", "zitadel.issuer is not set", action);
		}
		try {
			URI uri = new URI(this.issuer.trim());
			if (isHttpUrl(uri)) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new InvalidZitadelConfigurationException("zitadel.issuer",
				"zitadel.issuer must be an absolute http(s) URL, was '" + this.issuer + "'", action);
	}

	private static boolean isHttpUrl(URI uri) {
		return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
				&& StringUtils.hasText(uri.getHost());
	}

	private static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidZitadelConfigurationException(property,
					property + " must be a positive duration, was " + value,
					"Set it to a positive duration such as 10s, or remove it to use the default.");
		}
	}

	private static void requireAtLeastOne(String property, int value) {
		if (value < 1) {
			throw new InvalidZitadelConfigurationException(property, property + " must be at least 1, was " + value,
					"Set it to 1 for no retries, or remove it to use the default.");
		}
	}

	@Override
	public String toString() {
		return "ZitadelProperties[issuer=" + this.issuer + ", organizationId=" + this.organizationId + ", scopes="
				+ this.scopes + ", apiOrigins=" + this.apiOrigins + ", serviceUser=" + this.serviceUser + ", resourceServer="
				+ this.resourceServer + "]";
	}

	/** How the service user authenticates: exactly one of a JSON key, a client secret or a personal access token. */
	public static class ServiceUser {

		/** Location of the service user's JSON key file, such as file:/run/secrets/zitadel-key.json. */
		private @Nullable Resource keyFile;

		/** The service user's JSON key itself, as an alternative to key-file. */
		private @Nullable String keyJson;

		/** How often a key-file is checked for a replacement, such as a rotated Kubernetes secret. */
		private Duration keyFileCheckInterval = Duration.ofSeconds(10);

		/** The service user's client id, for authenticating with a client secret. */
		private @Nullable String clientId;

		/** The service user's client secret, sent with client-id. */
		private @Nullable String clientSecret;

		/** A personal access token of the service user, sent to the APIs as it is. */
		private @Nullable String personalAccessToken;

		public Duration getKeyFileCheckInterval() {
			return this.keyFileCheckInterval;
		}

		public void setKeyFileCheckInterval(Duration keyFileCheckInterval) {
			this.keyFileCheckInterval = keyFileCheckInterval;
		}

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(@Nullable String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public @Nullable String getPersonalAccessToken() {
			return this.personalAccessToken;
		}

		public void setPersonalAccessToken(@Nullable String personalAccessToken) {
			this.personalAccessToken = personalAccessToken;
		}

		/** How long before the key's expirationDate to start warning in the log and the health details. */
		private Duration keyExpiryWarning = Duration.ofDays(30);

		public Duration getKeyExpiryWarning() {
			return this.keyExpiryWarning;
		}

		public void setKeyExpiryWarning(Duration keyExpiryWarning) {
			this.keyExpiryWarning = keyExpiryWarning;
		}

		public @Nullable Resource getKeyFile() {
			return this.keyFile;
		}

		public void setKeyFile(@Nullable Resource keyFile) {
			this.keyFile = keyFile;
		}

		public @Nullable String getKeyJson() {
			return this.keyJson;
		}

		public void setKeyJson(@Nullable String keyJson) {
			this.keyJson = keyJson;
		}

		@Override
		public String toString() {
			return "ServiceUser[keyFile=" + this.keyFile + ", keyJson=" + masked(this.keyJson) + ", clientId="
					+ this.clientId + ", clientSecret=" + masked(this.clientSecret) + ", personalAccessToken="
					+ masked(this.personalAccessToken) + "]";
		}

		private static @Nullable String masked(@Nullable String secret) {
			return (secret != null) ? "******" : null;
		}

	}

	/**
	 * The application's own API, protected by ZITADEL: users' access tokens checked as JWTs
	 * against the issuer's keys, or by introspection when {@code introspection} is set.
	 */
	public static class ResourceServer {

		/** What a token's aud must contain for this API: its project id (or the API application's client id). */
		private @Nullable String audience;

		/** Prefix of the authorities that ZITADEL's roles become, for users' tokens and for users who log in with ZITADEL; ROLE_ makes hasRole('admin') work. */
		private String authorityPrefix = "ROLE_";

		/** Connect and read timeout of the requests for the issuer's keys and of introspections. */
		private Duration timeout = Duration.ofSeconds(5);

		private final Introspection introspection = new Introspection();

		public @Nullable String getAudience() {
			return this.audience;
		}

		public void setAudience(@Nullable String audience) {
			this.audience = audience;
		}

		public String getAuthorityPrefix() {
			return this.authorityPrefix;
		}

		public void setAuthorityPrefix(String authorityPrefix) {
			this.authorityPrefix = authorityPrefix;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Introspection getIntrospection() {
			return this.introspection;
		}

		@Override
		public String toString() {
			return "ResourceServer[audience=" + this.audience + ", introspection=" + this.introspection + "]";
		}

	}

	/** Opaque tokens checked by ZITADEL's introspection, as the API application. */
	public static class Introspection {

		/** Location of the API application's JSON key (type application), for private_key_jwt, such as file:/run/secrets/api-app-key.json. */
		private @Nullable Resource keyFile;

		/** The API application's JSON key itself, as an alternative to key-file. */
		private @Nullable String keyJson;

		/** The API application's client id, for introspection with a client secret (HTTP Basic). */
		private @Nullable String clientId;

		/** The API application's client secret, sent with client-id. */
		private @Nullable String clientSecret;

		/** Longest an introspection result is used, never past the token's exp; a revoked token stays accepted this long. */
		private Duration maxAge = Duration.ofMinutes(1);

		/** Longest a request waits for an introspection before it is answered 503. */
		private Duration maxWait = Duration.ofSeconds(5);

		/** How long after a failed introspection tokens not yet known are answered 503 without asking ZITADEL again. */
		private Duration coolDown = Duration.ofSeconds(2);

		/** How many introspection results are kept at most. */
		private int maxEntries = 10_000;

		/**
		 * Whether any introspection credential is set.
		 * @return whether tokens are introspected
		 */
		public boolean isConfigured() {
			return this.keyFile != null || this.keyJson != null || this.clientId != null || this.clientSecret != null;
		}

		public @Nullable Resource getKeyFile() {
			return this.keyFile;
		}

		public void setKeyFile(@Nullable Resource keyFile) {
			this.keyFile = keyFile;
		}

		public @Nullable String getKeyJson() {
			return this.keyJson;
		}

		public void setKeyJson(@Nullable String keyJson) {
			this.keyJson = keyJson;
		}

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(@Nullable String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public Duration getCoolDown() {
			return this.coolDown;
		}

		public void setCoolDown(Duration coolDown) {
			this.coolDown = coolDown;
		}

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

		@Override
		public String toString() {
			return "Introspection[keyFile=" + this.keyFile + ", keyJson=" + ((this.keyJson != null) ? "******" : null)
					+ ", clientId=" + this.clientId + ", clientSecret="
					+ ((this.clientSecret != null) ? "******" : null) + "]";
		}

	}

	/** The JWT assertion that is traded for an access token. */
	public static class Assertion {

		/** How long a signed assertion stays valid after it is created. */
		private Duration lifetime = Duration.ofMinutes(5);

		/** How far this machine's clock may run ahead of ZITADEL's; the assertion's iat is dated this far back. */
		private Duration clockSkew = Duration.ofSeconds(30);

		public Duration getLifetime() {
			return this.lifetime;
		}

		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

		public Duration getClockSkew() {
			return this.clockSkew;
		}

		public void setClockSkew(Duration clockSkew) {
			this.clockSkew = clockSkew;
		}

	}

	/** The token request. */
	public static class Token {

		/** Connect timeout of the token request. */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/** Read timeout of the token request. */
		private Duration readTimeout = Duration.ofSeconds(10);

		/** Deadline of one whole token request, however slowly its answer arrives. */
		private Duration timeout = Duration.ofSeconds(15);

		/** Lifetime assumed for a token whose answer has no usable expires_in. */
		private Duration defaultLifetime = Duration.ofMinutes(5);

		/**
		 * Longest a call waits for a token; the token request goes on after that, and later
		 * calls get its outcome.
		 */
		private Duration maxWait = Duration.ofSeconds(10);

		private final Retry retry = new Retry();

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getDefaultLifetime() {
			return this.defaultLifetime;
		}

		public void setDefaultLifetime(Duration defaultLifetime) {
			this.defaultLifetime = defaultLifetime;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		/**
		 * The longest one acquisition of a token may take, all its attempts included: the
		 * retry budget plus one request's deadline.
		 * @return the longest acquisition
		 */
		public Duration maxAcquisition() {
			return this.retry.maxElapsed.plus(this.timeout);
		}

		public Retry getRetry() {
			return this.retry;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

	}

	/** How failed token requests are repeated. */
	public static class Retry {

		/** Attempts in all for one token, the first included. */
		private int maxAttempts = 6;

		/** Attempts in all while ZITADEL answers 500 Errors.Internal, its answer to a rejected assertion. */
		private int rejectedAssertionAttempts = 3;

		/** Wait before the second attempt; it doubles with each attempt, with jitter. */
		private Duration initialBackoff = Duration.ofMillis(200);

		/** Longest wait between two attempts, unless ZITADEL asks for more with Retry-After. */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/** Time after which no further attempt is started. */
		private Duration maxElapsed = Duration.ofSeconds(30);

		/** Pause after a failed acquisition before the next token request; doubles with each further failure. */
		private Duration coolDown = Duration.ofSeconds(2);

		/** Longest pause after failed acquisitions. */
		private Duration maxCoolDown = Duration.ofMinutes(1);

		/** Longest pause honoured when ZITADEL answers with Retry-After. */
		private Duration maxRetryAfter = Duration.ofMinutes(5);

		public Duration getCoolDown() {
			return this.coolDown;
		}

		public void setCoolDown(Duration coolDown) {
			this.coolDown = coolDown;
		}

		public Duration getMaxCoolDown() {
			return this.maxCoolDown;
		}

		public void setMaxCoolDown(Duration maxCoolDown) {
			this.maxCoolDown = maxCoolDown;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public int getRejectedAssertionAttempts() {
			return this.rejectedAssertionAttempts;
		}

		public void setRejectedAssertionAttempts(int rejectedAssertionAttempts) {
			this.rejectedAssertionAttempts = rejectedAssertionAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxElapsed() {
			return this.maxElapsed;
		}

		public void setMaxElapsed(Duration maxElapsed) {
			this.maxElapsed = maxElapsed;
		}

	}

	/** TLS of the requests to ZITADEL. */
	public static class Ssl {

		/** SSL bundle (spring.ssl.bundle.*) that token requests and API calls to ZITADEL use, such as one trusting a private CA. */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/** The zitadel health contributor. */
	public static class Health {

		/** Longest time a health check's call to ZITADEL may take before it reports DOWN. */
		private Duration timeout = Duration.ofSeconds(10);

		/** How long the outcome of a call to ZITADEL stands for its state before a health check calls it again. */
		private Duration maxAge = Duration.ofSeconds(30);

		// Not the v1 API's /auth/v1/users/me, which ZITADEL v4 deprecates. ZITADEL's userinfo takes
		// any active token of the user, of either grant or a personal access token, whatever its
		// audience (zitadel/zitadel internal/api/oidc/userinfo.go).
		/** The path that a health check calls when no recent call says whether ZITADEL accepts the service user; OpenID Connect's userinfo takes each credential's token. */
		private String probePath = "/oidc/v1/userinfo";

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public String getProbePath() {
			return this.probePath;
		}

		public void setProbePath(String probePath) {
			this.probePath = probePath;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
