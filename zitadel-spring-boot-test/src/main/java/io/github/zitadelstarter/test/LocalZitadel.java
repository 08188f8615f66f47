package io.github.zitadelstarter.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A local ZITADEL for tests and development, on an ephemeral port of the loopback
 * interface. <strong>It is not ZITADEL</strong>: it models the rules that ZITADEL applies to
 * a service user and its API calls, as far as they are known from ZITADEL's source, so that a
 * client that works against it has done what a real instance demands. Behaviour that it does
 * not model (ZITADEL's role checks, the APIs it does not serve, logins) has to be tested
 * against a real instance.
 * <p>
 * It knows one organization and one service user with all three credentials:
 * <ul>
 * <li>a JSON key ({@link #keyJson()}) for the JWT bearer grant, whose assertions are checked
 * like ZITADEL checks them: the RS256 (or PS256) signature with the key, the {@code kid},
 * {@code iss} = {@code sub} = the user id, {@code aud} = the issuer exactly, {@code exp} more
 * than 1 s ahead and {@code iat} at most 1 s ahead and at most an hour old. Every refused
 * assertion gets ZITADEL's {@code 500 {"error":"server_error","error_description":"Errors.Internal"}};
 * the reason, which ZITADEL does not give, is in {@link #tokenRequests()} and the log;</li>
 * <li>a client id and secret ({@link #clientId()}, {@link #clientSecret()}) for the
 * {@code client_credentials} grant with HTTP Basic, each part form-URL-encoded before
 * Base64 (RFC 6749 2.3.1); a wrong secret gets {@code 401 {"error":"invalid_client"}};</li>
 * <li>a personal access token ({@link #personalAccessToken()}) sent directly to the
 * APIs, with the scopes ZITADEL gives every PAT ({@code openid profile
 * urn:zitadel:iam:user:metadata urn:zitadel:iam:user:resourceowner}).</li>
 * </ul>
 * The token endpoint ({@code POST /oauth/v2/token}) answers {@code 400 invalid_request}
 * without a scope, a {@code grant_type} or an assertion, and {@code 400 unsupported_grant_type}
 * to other grants. The access tokens it issues are opaque, of type {@code Bearer}, and live
 * {@link #DEFAULT_ACCESS_TOKEN_LIFETIME} unless {@link Builder#accessTokenLifetime(Duration)}
 * says otherwise. Without the scope {@value TokenEndpoint#ZITADEL_AUDIENCE_SCOPE} a token is
 * issued, but the APIs refuse it ({@code invalid audience (APP-Zxfako)}).
 * <p>
 * The APIs answer only to {@code Authorization: Bearer <token>} with a valid token
 * (otherwise {@code 401 {"code":16,"message":"Errors.Token.Invalid"}}), acting in the
 * service user's own organization or one added through the organization service (an
 * {@code x-zitadel-orgid} naming another gets {@code 403}). They serve
 * {@code GET /auth/v1/users/me}, {@code GET /management/v1/orgs/me},
 * {@code POST /management/v1/users/_search}, {@code GET /admin/v1/orgs/default},
 * {@code GET /v2/users/{userId}}, {@code POST /v2/users}, and whatever a test adds with
 * {@link #answer(String, String, Answer)}.
 * <p>
 * OpenID Connect's userinfo ({@code GET} or {@code POST /oidc/v1/userinfo}) accepts, as
 * ZITADEL's does, any active token of the service user: an access token of either grant, with
 * or without ZITADEL's audience scope, or the personal access token. It answers with the
 * claims the token's scopes ask for ({@code sub} always, the profile with {@code profile}, the
 * organization with {@code urn:zitadel:iam:user:resourceowner}), and refuses a missing token
 * with {@code 401 {"error":"invalid_request"}} and an unknown, expired or revoked one with
 * {@code 401 {"error":"access_denied","error_description":"access token invalid"}}.
 * <p>
 * It also serves every RPC of ZITADEL's v2 services, as ZITADEL's descriptors define them
 * ({@link ProtoContract}), in the Connect protocol's JSON form
 * ({@code POST /zitadel.user.v2.UserService/CreateUser}). Each request is checked against the
 * RPC's input message first: a field the message does not define, a value of the wrong type or
 * an enum value that does not exist is refused with {@code invalid_argument}, so a client's
 * mistake shows. Some services keep state: users, their metadata, keys, personal access tokens,
 * secrets and passwords ({@code zitadel.user.v2.UserService}), organizations
 * ({@code zitadel.org.v2.OrganizationService}), projects, roles and grants
 * ({@code zitadel.project.v2.ProjectService}), authorizations
 * ({@code zitadel.authorization.v2.AuthorizationService}), sessions checking a user and its
 * password ({@code zitadel.session.v2.SessionService}) and the settings of a fresh instance
 * ({@code zitadel.settings.v2.SettingsService}); their answers have ZITADEL's shapes and errors.
 * Every other RPC answers with its response message, with plausible ids and dates, and
 * {@link #answer(String, Answer)} sets any RPC's answer. {@link #withholdPermission(String)}
 * makes them answer {@code permission_denied}. What tests create is forgotten on
 * {@link #reset()}. {@code GET /.well-known/openid-configuration},
 * {@code /debug/healthz} and {@code /debug/ready} answer anyone. Every answer carries a
 * {@code Date} header, to the second.
 * <p>
 * For the application's own API it issues users' access tokens ({@link #userToken(String)}),
 * opaque or JWT, with the roles and organizations a test names; serves the instance's keys at
 * {@code GET /oauth/v2/keys} and introspection at {@code POST /oauth/v2/introspect} (RFC 7662)
 * for one API application ({@link #apiClientId()}), which authenticates with its JSON key
 * ({@link #applicationKeyJson()}, {@code private_key_jwt} checked as strictly as ZITADEL) or
 * its client secret (HTTP Basic). {@link #introspections()} tells what it was asked.
 * <p>
 * A test can inject faults ({@link #refuseNextAssertions(int)},
 * {@link #failNextTokenRequests(int, int)}, {@link #delayTokenResponses(Duration)},
 * {@link #rejectNextApiCalls(int)}, {@link #revokeAccessTokens()}, {@link #goDown()},
 * {@link #stopAnswering()}, {@link #comeBack()}) and read what it received
 * ({@link #tokenRequests()}, {@link #apiCalls()}). All methods are thread-safe.
 */
public final class LocalZitadel implements AutoCloseable {

	/** ZITADEL's default access token lifetime: 12 hours less a second. */
	public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(43199);

	/**
	 * The scopes ZITADEL gives every personal access token (its v2 {@code UserService}; the v1
	 * management API leaves out {@code profile}): a PAT is good for userinfo too.
	 */
	static final List<String> PERSONAL_ACCESS_TOKEN_SCOPES = List.of("openid", "profile",
			"urn:zitadel:iam:user:metadata", Directory.RESOURCE_OWNER_SCOPE);

	/** OpenID Connect's userinfo endpoint, which checks tokens its own way. */
	private static final String USERINFO = "/oidc/v1/userinfo";

	/** How many token requests and API calls are kept for inspection; older ones are dropped. */
	static final int RECORD_LIMIT = 10_000;

	private static final System.Logger logger = System.getLogger(LocalZitadel.class.getName());

	// An IP literal rather than "localhost", which may resolve to ::1 where nothing listens.
	private static final String BIND_ADDRESS = "127.0.0.1";

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^/{}]+\\}");

	static {
		// The JDK's server leaves Nagle's algorithm on, which with the client's delayed ACKs
		// holds each answer back for about 40 ms. It reads the property once, on first use.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final String issuerHost;

	private final Clock clock;

	private final Duration accessTokenLifetime;

	private final String keyId = Directory.newId();

	private final String userId = Directory.newId();

	private final String organizationId = Directory.newId();

	private final String userName;

	private final String organizationName;

	private final String clientSecret;

	private final String personalAccessToken;

	private final Instant keyExpiration;

	private final KeyPair keyPair = RsaKeys.generate();

	private final AccessTokens tokens;

	private final Directory directory;

	private final TokenEndpoint tokenEndpoint;

	private final UserTokens userTokens;

	private final List<Route> builtInRoutes;

	private final LocalState localState;

	private final ConnectRpcs rpcs = new ConnectRpcs();

	private final LocalActions actions;

	private final List<Route> addedRoutes = new CopyOnWriteArrayList<>();

	private final ExecutorService executor;

	private final Object lock = new Object();

	private final AtomicInteger assertionRefusals = new AtomicInteger();

	private final AtomicInteger apiRejections = new AtomicInteger();

	private volatile Duration tokenDelay = Duration.ZERO;

	private volatile Duration introspectionDelay = Duration.ZERO;

	private final Deque<TokenRequest> tokenRequests = new ArrayDeque<>();

	private final Deque<ApiCall> apiCalls = new ArrayDeque<>();

	// Guarded by lock.
	private @Nullable HttpServer server;

	private State state = State.UP;

	private int tokenFailures;

	private @Nullable Answer tokenFailure;

	private final int port;

	private LocalZitadel(Builder builder) throws IOException {
		this.issuerHost = builder.issuerHost;
		this.clock = builder.clock;
		this.accessTokenLifetime = builder.accessTokenLifetime;
		this.userName = builder.serviceUserName;
		this.organizationName = builder.organizationName;
		this.tokens = new AccessTokens(this.clock);
		this.clientSecret = (builder.clientSecret != null) ? builder.clientSecret : this.tokens.random(48);
		this.personalAccessToken = this.tokens.random(54);
		Instant created = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		this.keyExpiration = (builder.keyExpiration != null) ? builder.keyExpiration
				: created.plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
		this.tokens.register(this.personalAccessToken, this.keyExpiration, PERSONAL_ACCESS_TOKEN_SCOPES);
		this.directory = new Directory(this.organizationId, this.organizationName, created);
		this.directory.addMachine(this.userId, this.userName, "Service user " + this.userName,
				"A service user of the local ZITADEL");
		this.directory.addHuman("ada.lovelace", "Ada", "Lovelace", false);
		this.directory.addHuman("alan.turing", "Alan", "Turing", false);
		this.tokenEndpoint = new TokenEndpoint(this, this::issuer,
				new RSASSAVerifier((RSAPublicKey) this.keyPair.getPublic()), this.tokens, this.clock);
		this.userTokens = new UserTokens(this::issuer, this.clock, this.tokens.random(48));
		this.builtInRoutes = builtInRoutes();
		this.localState = new LocalState(this.directory);
		this.actions = new LocalActions(this.localState, this.directory, this.clock, this.userId);
		registerServices();
		AtomicInteger threads = new AtomicInteger();
		ThreadFactory threadFactory = (runnable) -> {
			Thread thread = new Thread(runnable, "local-zitadel-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		// Not the server's default of answering on its dispatcher thread: a delayed or silent
		// answer must not hold up the others.
		this.executor = Executors.newCachedThreadPool(threadFactory);
		try {
			this.server = bind(0);
		}
		catch (IOException ex) {
			this.executor.shutdownNow();
			throw ex;
		}
		this.port = this.server.getAddress().getPort();
	}

	/**
	 * Starts a local ZITADEL with the defaults: access tokens living 12 hours, a service
	 * user named {@code local-service-user}.
	 * @return the started local ZITADEL
	 */
	public static LocalZitadel start() {
		return builder().start();
	}

	/**
	 * A builder for a local ZITADEL that differs from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	// ---------------------------------------------------------------------------------
	// What an application is configured with

	/**
	 * The issuer, as ZITADEL sees itself and expects it in an assertion's {@code aud}:
	 * {@code http://127.0.0.1:<port>} (or the host given to the builder), no path, no
	 * trailing slash.
	 * @return the issuer URL
	 */
	public String issuer() {
		return "http://" + this.issuerHost + ":" + this.port;
	}

	/**
	 * The token endpoint, {@code {issuer}/oauth/v2/token}.
	 * @return the token endpoint URL
	 */
	public String tokenEndpoint() {
		return issuer() + "/oauth/v2/token";
	}

	/**
	 * The port this local ZITADEL listens on, on the loopback interface.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The service user's key file as ZITADEL hands it out: type {@code serviceaccount}, an
	 * RSA 2048 private key in PKCS#1 PEM, expiring in a year unless the builder said
	 * otherwise.
	 * @return the key file's JSON
	 */
	public String keyJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "serviceaccount");
		json.put("keyId", this.keyId);
		json.put("key", RsaKeys.pkcs1Pem((RSAPrivateCrtKey) this.keyPair.getPrivate()));
		json.put("userId", this.userId);
		json.put("expirationDate", this.keyExpiration.toString());
		return JSONObjectUtils.toJSONString(json);
	}

	/**
	 * Writes the service user's key file, named {@code <keyId>.json} as ZITADEL names it,
	 * readable by its owner only where the file system allows.
	 * @param directory the directory to write to, which must exist
	 * @return the written file
	 */
	public Path writeKeyFile(Path directory) {
		Path file = directory.resolve(this.keyId + ".json");
		try {
			Files.writeString(file, keyJson(), StandardCharsets.UTF_8);
			PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
			if (posix != null) {
				posix.setPermissions(PosixFilePermissions.fromString("rw-------"));
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the service user key file " + file, ex);
		}
	}

	/**
	 * The client id of the service user's client secret: its user name, as in ZITADEL.
	 * @return the client id
	 */
	public String clientId() {
		return this.userName;
	}

	/**
	 * The service user's client secret, for the {@code client_credentials} grant.
	 * @return the client secret
	 */
	public String clientSecret() {
		return this.clientSecret;
	}

	/**
	 * The service user's personal access token, valid as long as its key.
	 * @return the personal access token
	 */
	public String personalAccessToken() {
		return this.personalAccessToken;
	}

	/**
	 * The {@code zitadel.*} properties that point the starter at this local ZITADEL with
	 * the given credential: {@code zitadel.issuer} and {@code zitadel.service-user.key-json},
	 * {@code ...client-id} and {@code ...client-secret}, or
	 * {@code ...personal-access-token}. For {@code @DynamicPropertySource} and the like.
	 * @param credential the credential the application uses
	 * @return the properties
	 */
	public Map<String, String> properties(ServiceUserCredential credential) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("zitadel.issuer", issuer());
		switch (credential) {
			case KEY -> properties.put("zitadel.service-user.key-json", keyJson());
			case CLIENT_SECRET -> {
				properties.put("zitadel.service-user.client-id", clientId());
				properties.put("zitadel.service-user.client-secret", clientSecret());
			}
			case PERSONAL_ACCESS_TOKEN ->
				properties.put("zitadel.service-user.personal-access-token", personalAccessToken());
		}
		return properties;
	}

	/**
	 * The id of the service user's key, the {@code kid} its assertions must carry.
	 * @return the key id
	 */
	public String keyId() {
		return this.keyId;
	}

	/**
	 * When the service user's key expires; after that, its assertions are refused.
	 * @return the key's expiration
	 */
	public Instant keyExpiration() {
		return this.keyExpiration;
	}

	/**
	 * The service user's id, the {@code iss} and {@code sub} of its assertions.
	 * @return the user id
	 */
	public String userId() {
		return this.userId;
	}

	/**
	 * The service user's user name.
	 * @return the user name
	 */
	public String userName() {
		return this.userName;
	}

	/**
	 * The id of the service user's organization, the only one this local ZITADEL knows.
	 * @return the organization id
	 */
	public String organizationId() {
		return this.organizationId;
	}

	/**
	 * The name of the service user's organization.
	 * @return the organization name
	 */
	public String organizationName() {
		return this.organizationName;
	}

	/**
	 * How long the access tokens issued at the token endpoint live.
	 * @return the access token lifetime
	 */
	public Duration accessTokenLifetime() {
		return this.accessTokenLifetime;
	}

	/**
	 * A notice for an application's log: that this is a local stand-in, not ZITADEL, and
	 * how to use a real instance instead.
	 * @return the notice
	 */
	public String notice() {
		return """

				======================================================================
				This is a LOCAL STAND-IN for ZITADEL, not a real ZITADEL.
				  issuer: %s
				It knows only its own service user '%s' (user id %s, key id %s) in
				organization '%s' and answers a few API calls.
				To use a real instance instead, set
				  ZITADEL_ISSUER=https://<your-instance>
				  ZITADEL_SERVICE_USER_KEY_FILE=file:/path/to/key.json
				(the JSON key of a service user with a manager role such as ORG_OWNER).
				======================================================================"""
			.formatted(issuer(), this.userName, this.userId, this.keyId, this.organizationName);
	}

	// ---------------------------------------------------------------------------------
	// The application's own API: users' tokens and the API application that checks them

	/**
	 * The id of the project of the application's API: the audience of the users' tokens
	 * ({@code zitadel.resource-server.audience}).
	 * @return the project id
	 */
	public String apiProjectId() {
		return this.userTokens.projectId;
	}

	/**
	 * The client id of the API application that introspects tokens, with an {@code @} as
	 * ZITADEL's have.
	 * @return the client id
	 */
	public String apiClientId() {
		return this.userTokens.clientId;
	}

	/**
	 * The API application's client secret, for introspection with HTTP Basic.
	 * @return the client secret
	 */
	public String apiClientSecret() {
		return this.userTokens.clientSecret;
	}

	/**
	 * The API application's JSON key as ZITADEL hands it out: type {@code application}, for
	 * introspection with {@code private_key_jwt}.
	 * @return the key file's JSON
	 */
	public String applicationKeyJson() {
		return this.userTokens.applicationKeyJson();
	}

	/**
	 * Starts a user's access token for the application's API, such as
	 * {@code zitadel.userToken("alice").role("viewer").opaque()}.
	 * @param userId the user's id, the token's {@code sub}
	 * @return the token's builder
	 */
	public UserToken userToken(String userId) {
		return new UserToken(this, this.userTokens, userId);
	}

	/**
	 * How to call an application's API with a user's token from this local ZITADEL, for the
	 * application's log: a token from {@code GET {issuer}/local/token} (this stand-in's own
	 * endpoint, not ZITADEL's), then curl.
	 * @param resourceServer how the application checks tokens
	 * @param apiUrl the URL of a protected endpoint of the application
	 * @param role a role the endpoint needs
	 * @return the notice, empty for {@link LocalResourceServer#NONE}
	 */
	public String resourceServerNotice(LocalResourceServer resourceServer, String apiUrl, String role) {
		if (resourceServer == LocalResourceServer.NONE) {
			return "";
		}
		String format = (resourceServer == LocalResourceServer.JWT) ? "jwt" : "opaque";
		return """

				Users' access tokens (%s) are checked against this stand-in. Get one and call the API:
				  TOKEN=$(curl -s '%s%s?user=ada.lovelace&role=%s&format=%s')
				  curl -i -H "Authorization: Bearer $TOKEN" %s
				(leave out role=%s for a 403, the header for a 401)
				======================================================================"""
			.formatted(format, issuer(), UserTokens.LOCAL_TOKEN_PATH, role, format, apiUrl, role);
	}

	/** {@code GET /local/token?user=..&role=..&organization=..&format=opaque|jwt}: this stand-in's own. */
	private Answer localToken(Request request) {
		String user = "ada.lovelace";
		String organization = null;
		String format = "opaque";
		List<String> roles = new ArrayList<>();
		for (String pair : request.query().split("&")) {
			int equals = pair.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String name = Request.decode(pair.substring(0, equals));
			String value = Request.decode(pair.substring(equals + 1));
			switch (name) {
				case "user" -> user = value;
				case "role" -> roles.add(value);
				case "organization" -> organization = value;
				case "format" -> format = value;
				default -> {
				}
			}
		}
		UserToken token = userToken(user);
		if (organization != null) {
			token.organization(organization);
		}
		roles.forEach(token::role);
		return Answer.of(200, "text/plain", "jwt".equals(format) ? token.jwt() : token.opaque());
	}

	/**
	 * Holds each introspection answer back this long, as a slow ZITADEL would.
	 * @param delay the delay, zero for none
	 */
	public void delayIntrospections(Duration delay) {
		this.introspectionDelay = Objects.requireNonNull(delay, "delay");
	}

	/**
	 * The introspection requests received, oldest first (at most the latest 10,000).
	 * @return a snapshot of the introspections
	 */
	public List<Introspection> introspections() {
		return this.userTokens.introspections();
	}

	/**
	 * How many introspection requests were received since the start or the last
	 * {@link #reset()}, however many: {@link #introspections()} keeps only the latest 10,000.
	 * @return the number of introspection requests
	 */
	public long introspectionCount() {
		return this.userTokens.introspectionCount();
	}

	/**
	 * Rotates the instance's signing key, as ZITADEL does: JWTs issued from now on are signed
	 * with a new key (a new {@code kid}), published in the JWKS beside the older ones, whose
	 * tokens stay valid.
	 */
	public void rotateSigningKey() {
		this.userTokens.rotateSigningKey();
	}

	/**
	 * Removes the older signing keys from the JWKS: only the current one stays, and JWTs signed
	 * with the others no longer verify (not even by introspection).
	 */
	public void removeOldSigningKeys() {
		this.userTokens.removeOldSigningKeys();
	}

	/**
	 * The {@code zitadel.resource-server.*} properties that make an application check its
	 * users' tokens against this local ZITADEL, with {@code zitadel.issuer}.
	 * @param resourceServer how the application checks tokens
	 * @return the properties, none for {@link LocalResourceServer#NONE}
	 */
	public Map<String, String> resourceServerProperties(LocalResourceServer resourceServer) {
		Map<String, String> properties = new LinkedHashMap<>();
		if (resourceServer == LocalResourceServer.NONE) {
			return properties;
		}
		properties.put("zitadel.issuer", issuer());
		properties.put("zitadel.resource-server.audience", apiProjectId());
		switch (resourceServer) {
			case INTROSPECTION_KEY -> properties.put("zitadel.resource-server.introspection.key-json",
					applicationKeyJson());
			case INTROSPECTION_SECRET -> {
				properties.put("zitadel.resource-server.introspection.client-id", apiClientId());
				properties.put("zitadel.resource-server.introspection.client-secret", apiClientSecret());
			}
			default -> {
			}
		}
		return properties;
	}

	// ---------------------------------------------------------------------------------
	// What the APIs answer

	/**
	 * Adds a human user to the organization: it is then listed by the user searches and
	 * found by {@code GET /v2/users/{userId}}. {@link #reset()} removes it again.
	 * @param userName the user name
	 * @param givenName the given name
	 * @param familyName the family name
	 * @return the new user's id
	 */
	public String addHumanUser(String userName, String givenName, String familyName) {
		return this.directory.addHuman(userName, givenName, familyName, true);
	}

	/**
	 * Answers an API call of the given method and path this way, for calls with a valid
	 * token like every API call. It takes precedence over the built-in answers and over
	 * answers added earlier, and the request is not checked: for ZITADEL's v2 RPCs,
	 * {@link #answer(String, Answer)} checks it as ZITADEL reads it.
	 * @param method the HTTP method, such as {@code POST}
	 * @param pathTemplate the path, in which a segment written {@code {name}} matches any
	 * segment, such as {@code /v2/users/{userId}/metadata}
	 * @param answer the answer
	 */
	public void answer(String method, String pathTemplate, Answer answer) {
		answer(method, pathTemplate, (call) -> answer);
	}

	/**
	 * Answers an API call of the given method and path with what the responder makes of
	 * it, for calls with a valid token like every API call. It takes precedence over the
	 * built-in answers and over answers added earlier.
	 * @param method the HTTP method, such as {@code POST}
	 * @param pathTemplate the path, in which a segment written {@code {name}} matches any
	 * segment
	 * @param responder makes the answer of the call (whose {@code status} is still 0 and
	 * {@code responseBody} empty)
	 */
	public void answer(String method, String pathTemplate, Function<ApiCall, Answer> responder) {
		Objects.requireNonNull(responder, "responder must not be null");
		this.addedRoutes.add(0, new Route(method, pathTemplate, (request) -> responder.apply(call(request, 0, ""))));
	}

	/**
	 * Answers a v2 RPC this way from now on, until {@link #reset()}, such as
	 * {@code answer("zitadel.session.v2.SessionService/GetSession", Answer.json(200, "{...}"))}
	 * or {@code Answer.connectError("not_found", "...")}. The request is still checked against
	 * the RPC's input message first; the answer takes the place of the local services' state and
	 * of the default response.
	 * @param rpc the RPC: the service's full name, a slash and the method
	 * @param answer the answer; if its status is 200, its body must be the RPC's response
	 * message in proto3 JSON as ZITADEL writes it
	 * @throws IllegalArgumentException if the RPC is not one of ZITADEL's descriptors, or the
	 * answer is not its response message, naming what is wrong
	 */
	public void answer(String rpc, Answer answer) {
		Objects.requireNonNull(answer, "answer must not be null");
		List<String> problems = ConnectRpcs.problems(rpc, answer);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("answer for " + rpc + " must be its response message "
					+ ConnectRpcs.requireMethod(rpc).getOutputType().getFullName() + " in proto3 JSON: "
					+ String.join("; ", problems));
		}
		this.rpcs.answer(rpc, (call) -> answer);
	}

	/**
	 * Answers a v2 RPC with what the responder makes of each call, from now on until
	 * {@link #reset()}. The request is still checked against the RPC's input message first; a
	 * successful answer that is not the RPC's response message is turned into ZITADEL's
	 * {@code internal} error, which says why.
	 * @param rpc the RPC: the service's full name, a slash and the method, such as
	 * {@code zitadel.session.v2.SessionService/GetSession}
	 * @param responder makes the answer of the call (whose {@code status} is still 0 and
	 * {@code responseBody} empty)
	 * @throws IllegalArgumentException if the RPC is not one of ZITADEL's descriptors
	 */
	public void answer(String rpc, Function<ApiCall, Answer> responder) {
		Objects.requireNonNull(responder, "responder must not be null");
		this.rpcs.answer(rpc, responder);
	}

	// ---------------------------------------------------------------------------------
	// Faults

	/**
	 * Refuses the next JWT bearer grants, however valid their assertions, with ZITADEL's
	 * {@code 500 Errors.Internal}, as ZITADEL does for a key that was deleted meanwhile.
	 * @param count how many grants to refuse
	 */
	public void refuseNextAssertions(int count) {
		this.assertionRefusals.set(requireCount(count));
	}

	/**
	 * Fails the next token requests, whatever they hold, with the given status and a JSON
	 * OAuth error body ({@code server_error}).
	 * @param count how many requests to fail
	 * @param status the HTTP status, such as {@code 503} or {@code 429}
	 */
	public void failNextTokenRequests(int count, int status) {
		failNextTokenRequests(count,
				Answer.oauthError(status, "server_error", "failure injected into the local ZITADEL"));
	}

	/**
	 * Answers the next token requests, whatever they hold, with the given answer, such as a
	 * {@code 429} with {@code Retry-After} or a proxy's HTML page.
	 * @param count how many requests to answer so
	 * @param answer the answer
	 */
	public void failNextTokenRequests(int count, Answer answer) {
		synchronized (this.lock) {
			this.tokenFailures = requireCount(count);
			this.tokenFailure = answer;
		}
	}

	/**
	 * Delays every answer of the token endpoint, until {@link #reset()} or a delay of zero.
	 * @param delay the delay
	 */
	public void delayTokenResponses(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative");
		}
		this.tokenDelay = delay;
	}

	/**
	 * Answers the next API calls that have a valid token with
	 * {@code 401 {"code":16,"message":"Errors.Token.Invalid"}}, as ZITADEL does for a token
	 * revoked meanwhile; userinfo calls among them with its own
	 * {@code 401 {"error":"access_denied","error_description":"access token invalid"}}.
	 * @param count how many calls to refuse
	 */
	public void rejectNextApiCalls(int count) {
		this.apiRejections.set(requireCount(count));
	}

	/**
	 * Answers every v2 RPC that needs the permission with {@code permission_denied}, as ZITADEL
	 * does when the service user has no role granting it, until {@link #reset()}.
	 * @param permission the permission, as the proto's documentation names it, such as
	 * {@code user.write}
	 */
	public void withholdPermission(String permission) {
		this.rpcs.withhold(permission);
	}

	/**
	 * Revokes every access token issued so far: the APIs refuse them from now on. The
	 * personal access token stays valid.
	 */
	public void revokeAccessTokens() {
		this.tokens.revokeIssued();
	}

	/**
	 * Goes down: the port is closed, so connections are refused, and open connections are
	 * dropped, until {@link #comeBack()}.
	 */
	public void goDown() {
		synchronized (this.lock) {
			if (this.state == State.CLOSED) {
				return;
			}
			this.state = State.DOWN;
			this.lock.notifyAll();
			stopServer();
		}
	}

	/**
	 * Stops answering: connections are accepted and requests read, but no answer is given
	 * until {@link #comeBack()} or {@link #goDown()}.
	 */
	public void stopAnswering() {
		synchronized (this.lock) {
			if (this.state == State.UP) {
				this.state = State.SILENT;
			}
		}
	}

	/**
	 * Comes back after {@link #goDown()} or {@link #stopAnswering()}, on the same port.
	 * Requests held while silent are answered now.
	 */
	public void comeBack() {
		synchronized (this.lock) {
			if (this.state == State.DOWN) {
				this.server = rebind();
			}
			if (this.state != State.CLOSED) {
				this.state = State.UP;
				this.lock.notifyAll();
			}
		}
	}

	/**
	 * Whether it is up and answering.
	 * @return {@code false} after {@link #goDown()}, {@link #stopAnswering()} or
	 * {@link #close()}
	 */
	public boolean isUp() {
		synchronized (this.lock) {
			return this.state == State.UP;
		}
	}

	// ---------------------------------------------------------------------------------
	// Inspection

	/**
	 * The token requests received, oldest first (at most the latest 10,000).
	 * @return a snapshot of the token requests
	 */
	public List<TokenRequest> tokenRequests() {
		synchronized (this.tokenRequests) {
			return List.copyOf(this.tokenRequests);
		}
	}

	/**
	 * The API calls received, oldest first (at most the latest 10,000), including refused
	 * ones; not discovery or health requests.
	 * @return a snapshot of the API calls
	 */
	public List<ApiCall> apiCalls() {
		synchronized (this.apiCalls) {
			return List.copyOf(this.apiCalls);
		}
	}

	/**
	 * Forgets the token requests and API calls received so far.
	 */
	public void clearRecords() {
		synchronized (this.tokenRequests) {
			this.tokenRequests.clear();
		}
		synchronized (this.apiCalls) {
			this.apiCalls.clear();
		}
	}

	/**
	 * ZITADEL's Actions v2: the targets that call the application, signed, and the calls.
	 * @return the actions
	 */
	public LocalActions actions() {
		return this.actions;
	}

	/**
	 * Back to how it started, except for the access tokens issued, which stay valid: no
	 * faults, no added answers or users, no records, up and answering.
	 */
	public void reset() {
		this.assertionRefusals.set(0);
		this.apiRejections.set(0);
		this.tokenDelay = Duration.ZERO;
		this.introspectionDelay = Duration.ZERO;
		synchronized (this.lock) {
			this.tokenFailures = 0;
			this.tokenFailure = null;
		}
		this.addedRoutes.clear();
		this.directory.removeAdded();
		this.localState.reset();
		this.actions.reset();
		this.rpcs.reset();
		this.userTokens.clearIntrospections();
		comeBack();
		clearRecords();
	}

	/**
	 * Stops the server and frees its port.
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.state == State.CLOSED) {
				return;
			}
			this.state = State.CLOSED;
			this.lock.notifyAll();
			stopServer();
		}
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "LocalZitadel[" + issuer() + "]";
	}

	// ---------------------------------------------------------------------------------
	// Used by the token endpoint

	@Nullable Answer takeTokenFailure() {
		synchronized (this.lock) {
			if (this.tokenFailures <= 0) {
				return null;
			}
			this.tokenFailures--;
			return this.tokenFailure;
		}
	}

	boolean takeAssertionRefusal() {
		return take(this.assertionRefusals);
	}

	// ---------------------------------------------------------------------------------
	// HTTP

	private HttpServer bind(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(BIND_ADDRESS), port), 0);
		server.createContext("/", this::handle);
		server.setExecutor(this.executor);
		server.start();
		return server;
	}

	private HttpServer rebind() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			try {
				return bind(this.port);
			}
			catch (BindException ex) {
				if (System.nanoTime() > deadline) {
					throw new UncheckedIOException("Local ZITADEL cannot come back on port " + this.port, ex);
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while coming back", interrupted);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Local ZITADEL cannot come back on port " + this.port, ex);
			}
		}
	}

	private void stopServer() {
		HttpServer server = this.server;
		this.server = null;
		if (server != null) {
			server.stop(0);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			Request request = read(exchange);
			if (!awaitAnswering()) {
				return;
			}
			send(exchange, answer(request));
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.ERROR, "Local ZITADEL failed to answer", ex);
			send(exchange, Answer.apiError(500, 13, "Errors.Internal"));
		}
		finally {
			exchange.close();
		}
	}

	/** Holds a request while silent; {@code false} if it must go unanswered. */
	private boolean awaitAnswering() {
		synchronized (this.lock) {
			while (this.state == State.SILENT) {
				try {
					this.lock.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return this.state == State.UP;
		}
	}

	private Request read(HttpExchange exchange) throws IOException {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> new ArrayList<>())
				.addAll(values));
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String query = exchange.getRequestURI().getRawQuery();
		return new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getPath(),
				(query != null) ? query : "", headers, body, this.clock.instant());
	}

	private void send(HttpExchange exchange, Answer answer) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Type", answer.contentType());
		// Token responses must not be cached (RFC 6749 section 5.1); harmless elsewhere.
		headers.set("Cache-Control", "no-store");
		answer.headers().forEach(headers::set);
		// ZITADEL's clock, to the second: the one way a client can learn how far its own is off.
		// The JDK's server overwrites it with the system clock's time, whatever the clock.
		headers.set("Date", HTTP_DATE.format(this.clock.instant()));
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(answer.status(), noBody ? -1 : body.length);
		if (!noBody) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private Answer answer(Request request) {
		String path = request.path();
		if ("/oauth/v2/token".equals(path)) {
			if (!"POST".equals(request.method())) {
				return Answer.of(405, "text/plain", "Method Not Allowed");
			}
			delay(this.tokenDelay);
			TokenEndpoint.Outcome outcome = this.tokenEndpoint.handle(request);
			record(this.tokenRequests, outcome.record());
			return outcome.answer();
		}
		if ("/oauth/v2/introspect".equals(path)) {
			if (!"POST".equals(request.method())) {
				return Answer.of(405, "text/plain", "Method Not Allowed");
			}
			delay(this.introspectionDelay);
			return this.userTokens.introspect(request);
		}
		if ("GET".equals(request.method())) {
			switch (path) {
				case "/.well-known/openid-configuration":
					return Answer.json(200, discoveryDocument());
				case "/oauth/v2/keys":
					return Answer.json(200, this.userTokens.jwks());
				case UserTokens.LOCAL_TOKEN_PATH:
					return localToken(request);
				case "/debug/healthz", "/debug/ready":
					return Answer.of(200, "text/plain", "ok");
				default:
			}
		}
		Answer answer = api(request);
		record(this.apiCalls, call(request, answer.status(), answer.body()));
		return answer;
	}

	private Answer api(Request request) {
		Route route = route(request);
		if (route != null && USERINFO.equals(request.path())) {
			Answer refusal = guardUserInfo(request);
			return (refusal != null) ? refusal : route.responder().apply(request);
		}
		if (route != null) {
			Refusal refusal = guard(request);
			return (refusal != null) ? refusal.grpcGatewayAnswer() : route.responder().apply(request);
		}
		if (ConnectRpcs.isProcedure(request.path())) {
			Refusal refusal = guard(request);
			if (refusal != null) {
				return refusal.connectError().answer();
			}
			String organization = request.header("x-zitadel-orgid");
			return this.rpcs.answer(request,
					new RpcContext((organization != null) ? organization : this.organizationId, this.userId,
							request.receivedAt()));
		}
		// grpc-gateway's answer to a path it has no method for, with or without a token.
		return Answer.apiError(404, 5, "Not Found");
	}

	private void registerServices() {
		// The v2 services register their RPCs here, each from its own class.
		LocalUserService users = new LocalUserService(this.localState);
		users.register(this.rpcs);
		new LocalOrganizationService(this.localState, users).register(this.rpcs);
		new LocalProjectService(this.localState).register(this.rpcs);
		new LocalAuthorizationService(this.localState).register(this.rpcs);
		new LocalSessionService(this.localState).register(this.rpcs);
		new LocalSettingsService(this.localState).register(this.rpcs);
		this.actions.register(this.rpcs);
	}

	private @Nullable Route route(Request request) {
		for (List<Route> routes : List.of(this.addedRoutes, this.builtInRoutes)) {
			for (Route route : routes) {
				if (route.matches(request)) {
					return route;
				}
			}
		}
		return null;
	}

	/** ZITADEL's checks of an API call; {@code null} if it passes. */
	private @Nullable Refusal guard(Request request) {
		String token = bearer(request);
		String call = request.method() + " " + request.path();
		switch (this.tokens.check(token)) {
			case VALID:
				break;
			case NO_ZITADEL_AUDIENCE:
				logger.log(System.Logger.Level.INFO, "Local ZITADEL refused " + call
						+ ": its token was issued without the scope '" + TokenEndpoint.ZITADEL_AUDIENCE_SCOPE + "'");
				return Refusal.unauthenticated("invalid audience (APP-Zxfako)");
			case EXPIRED:
				logger.log(System.Logger.Level.INFO, "Local ZITADEL refused " + call + ": its access token has expired");
				return Refusal.unauthenticated("Errors.Token.Invalid");
			default:
				logger.log(System.Logger.Level.INFO, "Local ZITADEL refused " + call
						+ ": no 'Authorization: Bearer <token>' with a token it issued");
				return Refusal.unauthenticated("Errors.Token.Invalid");
		}
		if (take(this.apiRejections)) {
			return Refusal.unauthenticated("Errors.Token.Invalid");
		}
		String organization = request.header("x-zitadel-orgid");
		if (request.headerCount("x-zitadel-orgid") > 1
				|| (organization != null && !this.localState.organizationExists(organization))) {
			logger.log(System.Logger.Level.INFO, "Local ZITADEL refused " + call + ": x-zitadel-orgid " + organization
					+ " is neither the service user's organization " + this.organizationId + " nor one it added");
			return new Refusal(403, 7, "permission_denied", ConnectRpcs.PERMISSION_DENIED);
		}
		return null;
	}

	/**
	 * ZITADEL's checks of a userinfo request (zitadel/oidc's userinfo handler, then ZITADEL's
	 * {@code UserInfo}); {@code null} if it passes. Any active token will do, whatever its
	 * audience and scopes; the scopes only decide the claims. {@code x-zitadel-orgid} plays no
	 * part.
	 */
	private @Nullable Answer guardUserInfo(Request request) {
		String token = bearer(request);
		String call = request.method() + " " + request.path();
		if (token == null) {
			logger.log(System.Logger.Level.INFO,
					"Local ZITADEL refused " + call + ": no 'Authorization: Bearer <token>'");
			return Answer.oauthError(401, "invalid_request", "access token missing");
		}
		if (this.tokens.activeScopes(token) == null) {
			logger.log(System.Logger.Level.INFO, "Local ZITADEL refused " + call
					+ ": the token is not one it issued, or has expired or was revoked");
			return Answer.oauthError(401, "access_denied", "access token invalid");
		}
		if (take(this.apiRejections)) {
			return Answer.oauthError(401, "access_denied", "access token invalid");
		}
		return null;
	}

	private static @Nullable String bearer(Request request) {
		String authorization = request.header("Authorization");
		return (request.headerCount("Authorization") == 1 && authorization != null
				&& authorization.startsWith("Bearer ")) ? authorization.substring(7) : null;
	}

	private Answer userInfo(Request request) {
		List<String> scopes = this.tokens.activeScopes(bearer(request));
		return json(this.directory.userInfo(this.userId, (scopes != null) ? scopes : List.of()));
	}

	/** Why ZITADEL refused an API call, rendered by the API style the call used. */
	private record Refusal(int status, int grpcCode, String connectCode, String message) {

		static Refusal unauthenticated(String message) {
			return new Refusal(401, 16, "unauthenticated", message);
		}

		Answer grpcGatewayAnswer() {
			return Answer.apiError(this.status, this.grpcCode, this.message);
		}

		ConnectError connectError() {
			return new ConnectError(this.connectCode, this.message);
		}

	}

	private List<Route> builtInRoutes() {
		return List.of(new Route("GET", "/auth/v1/users/me", (request) -> json(this.directory.v1Me(this.userId))),
				new Route("GET", USERINFO, this::userInfo), new Route("POST", USERINFO, this::userInfo),
				new Route("GET", "/management/v1/orgs/me", (request) -> json(this.directory.v1Organization())),
				new Route("POST", "/management/v1/users/_search", (request) -> json(this.directory.v1Search())),
				new Route("GET", "/admin/v1/orgs/default", (request) -> json(this.directory.v1Organization())),
				new Route("GET", "/v2/users/{userId}", (request) -> {
					Directory.User user = this.directory.user(request.path().substring("/v2/users/".length()));
					return (user != null) ? json(this.directory.v2User(user))
							: Answer.apiError(404, 5, "User could not be found (QUERY-Dfbg2)");
				}), new Route("POST", "/v2/users", (request) -> json(this.directory.v2List())));
	}

	private String discoveryDocument() {
		return """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/oauth/v2/authorize",\
				"token_endpoint":"%1$s/oauth/v2/token","introspection_endpoint":"%1$s/oauth/v2/introspect",\
				"userinfo_endpoint":"%1$s/oidc/v1/userinfo","revocation_endpoint":"%1$s/oauth/v2/revoke",\
				"end_session_endpoint":"%1$s/oidc/v1/end_session","jwks_uri":"%1$s/oauth/v2/keys",\
				"scopes_supported":["openid","profile","email","phone","address","offline_access"],\
				"response_types_supported":["code","id_token","id_token token"],\
				"grant_types_supported":["authorization_code","implicit","refresh_token","client_credentials",\
				"urn:ietf:params:oauth:grant-type:jwt-bearer","urn:ietf:params:oauth:grant-type:device_code",\
				"urn:ietf:params:oauth:grant-type:token-exchange"],\
				"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],\
				"token_endpoint_auth_methods_supported":["none","client_secret_basic","client_secret_post",\
				"private_key_jwt"]}""".formatted(issuer());
	}

	static ApiCall call(Request request, int status, String responseBody) {
		return new ApiCall(request.method(), request.path(), request.query(), request.headers(), request.body(),
				status, responseBody, request.receivedAt());
	}

	private static Answer json(Map<String, Object> body) {
		return Answer.json(200, JSONObjectUtils.toJSONString(body));
	}

	private static <T> void record(Deque<T> records, T record) {
		synchronized (records) {
			records.addLast(record);
			while (records.size() > RECORD_LIMIT) {
				records.removeFirst();
			}
		}
	}

	private static boolean take(AtomicInteger counter) {
		return counter.getAndUpdate((left) -> (left > 0) ? left - 1 : 0) > 0;
	}

	private static int requireCount(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative, was " + count);
		}
		return count;
	}

	private static void delay(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private enum State {

		UP, SILENT, DOWN, CLOSED

	}

	/** An API path that the local ZITADEL answers. */
	private record Route(String method, Pattern path, Function<Request, Answer> responder) {

		Route(String method, String pathTemplate, Function<Request, Answer> responder) {
			this(method.toUpperCase(Locale.ROOT), template(pathTemplate), responder);
		}

		private static Pattern template(String pathTemplate) {
			if (!pathTemplate.startsWith("/")) {
				throw new IllegalArgumentException("pathTemplate must start with '/', was '" + pathTemplate + "'");
			}
			StringBuilder regex = new StringBuilder();
			Matcher variables = TEMPLATE_VARIABLE.matcher(pathTemplate);
			int end = 0;
			while (variables.find()) {
				regex.append(Pattern.quote(pathTemplate.substring(end, variables.start()))).append("[^/]+");
				end = variables.end();
			}
			regex.append(Pattern.quote(pathTemplate.substring(end)));
			return Pattern.compile(regex.toString());
		}

		boolean matches(Request request) {
			return this.method.equals(request.method()) && this.path.matcher(request.path()).matches();
		}

	}

	/**
	 * Builds a {@link LocalZitadel} that differs from the defaults.
	 */
	public static final class Builder {

		private Duration accessTokenLifetime = DEFAULT_ACCESS_TOKEN_LIFETIME;

		private String serviceUserName = "local-service-user";

		private String organizationName = "Local Organization";

		private @Nullable String clientSecret;

		private @Nullable Instant keyExpiration;

		private String issuerHost = BIND_ADDRESS;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * How long access tokens live, as an instance configured so would issue them; 12 h
		 * less a second by default, as ZITADEL's.
		 * @param lifetime the lifetime, at least a second
		 * @return this builder
		 */
		public Builder accessTokenLifetime(Duration lifetime) {
			if (lifetime.getSeconds() < 1) {
				throw new IllegalArgumentException("accessTokenLifetime must be at least one second, was " + lifetime);
			}
			this.accessTokenLifetime = lifetime;
			return this;
		}

		/**
		 * The service user's user name, which is also its client id.
		 * @param userName the user name
		 * @return this builder
		 */
		public Builder serviceUserName(String userName) {
			this.serviceUserName = requireText(userName, "serviceUserName");
			return this;
		}

		/**
		 * The name of the service user's organization.
		 * @param name the organization name
		 * @return this builder
		 */
		public Builder organizationName(String name) {
			this.organizationName = requireText(name, "organizationName");
			return this;
		}

		/**
		 * The client secret instead of a random one, such as one with characters that
		 * must be form-URL-encoded in HTTP Basic.
		 * @param clientSecret the client secret
		 * @return this builder
		 */
		public Builder clientSecret(String clientSecret) {
			this.clientSecret = requireText(clientSecret, "clientSecret");
			return this;
		}

		/**
		 * When the service user's key (and personal access token) expires; a year from now
		 * by default.
		 * @param expiration the expiration
		 * @return this builder
		 */
		public Builder keyExpiration(Instant expiration) {
			this.keyExpiration = expiration.truncatedTo(ChronoUnit.SECONDS);
			return this;
		}

		/**
		 * The host of the issuer: {@code 127.0.0.1} by default, or {@code localhost}. It
		 * listens on 127.0.0.1 either way.
		 * @param host the host, in lower case as ZITADEL spells its issuer
		 * @return this builder
		 */
		public Builder issuerHost(String host) {
			if (!host.equals(BIND_ADDRESS) && !host.equals("localhost")) {
				throw new IllegalArgumentException("issuerHost must be 127.0.0.1 or localhost, was '" + host + "'");
			}
			this.issuerHost = host;
			return this;
		}

		/**
		 * The local ZITADEL's clock, which its checks of assertions and its tokens' expiry
		 * follow; the system clock by default. The {@code Date} headers, which the JDK's
		 * HTTP server writes, follow the system clock whatever this clock says.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Starts the local ZITADEL.
		 * @return the started local ZITADEL, to be closed after use
		 */
		public LocalZitadel start() {
			try {
				return new LocalZitadel(this);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start a local ZITADEL on " + BIND_ADDRESS, ex);
			}
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be empty");
			}
			return value;
		}

	}

}
