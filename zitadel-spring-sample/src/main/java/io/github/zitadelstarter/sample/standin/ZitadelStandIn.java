package io.github.zitadelstarter.sample.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.nimbusds.jose.crypto.RSASSAVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A local stand-in for ZITADEL, for running the sample where no ZITADEL instance is at
 * hand. It is not a ZITADEL: it knows one organization and one service user, whose key it
 * generates, and answers a handful of API calls. What it does answer follows ZITADEL's
 * contract strictly, so that a client that works against it has done what a real instance
 * demands:
 * <ul>
 * <li>{@code POST /oauth/v2/token} grants access tokens for the JWT bearer grant (RFC 7523)
 * to assertions signed with the service user's key, with ZITADEL's checks of {@code alg},
 * {@code kid}, {@code iss}, {@code sub}, {@code aud}, {@code exp} and {@code iat} and its
 * opaque {@code 500 Errors.Internal} for every refused assertion (the stand-in logs
 * why);</li>
 * <li>{@code GET /auth/v1/users/me}, {@code GET /management/v1/orgs/me} and
 * {@code POST /management/v1/users/_search} answer only to
 * {@code Authorization: Bearer <token>} with an unexpired token that was issued with the
 * scope {@value TokenEndpoint#ZITADEL_AUDIENCE_SCOPE};</li>
 * <li>{@code GET /.well-known/openid-configuration} and {@code GET /debug/healthz} answer
 * anyone.</li>
 * </ul>
 * It listens on the loopback interface only and keeps no state but the tokens it issued.
 */
public final class ZitadelStandIn implements AutoCloseable {

	/** ZITADEL's default access token lifetime: 12 hours less a second. */
	public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(43199);

	// An IP literal rather than "localhost", which may resolve to ::1 where nothing listens.
	private static final String HOST = "127.0.0.1";

	private final String keyId = newId();

	private final String serviceUserId = newId();

	private final String serviceUserName = "zitadel-spring-sample";

	private final String organizationId = newId();

	private final String organizationName = "Stand-in Organization";

	private final String primaryDomain = "stand-in-organization.localhost";

	private final Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final Instant keyExpiration = this.created.plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);

	private final KeyPair keyPair = generateRsaKeyPair();

	private final Duration accessTokenLifetime;

	private final TokenEndpoint tokenEndpoint;

	private final WireMockServer server;

	private ZitadelStandIn(Duration accessTokenLifetime) {
		this.accessTokenLifetime = accessTokenLifetime;
		Clock clock = Clock.systemUTC();
		AccessTokens tokens = new AccessTokens(clock);
		this.tokenEndpoint = new TokenEndpoint(this::issuer, this.keyId, this.serviceUserId, this.keyExpiration,
				new RSASSAVerifier((RSAPublicKey) this.keyPair.getPublic()), tokens, accessTokenLifetime, clock);
		this.server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress(HOST)
			.dynamicPort()
			// One acceptor is plenty locally, and Jetty warns when there are more than cores.
			.jettyAcceptors(1)
			.notifier(new Slf4jNotifier(false))
			// The journal would keep every request of a long-running sample in memory.
			.disableRequestJournal()
			.templatingEnabled(false)
			// Not WireMock's default of loading ./src/test/resources/mappings: only our stubs.
			.mappingSource(new NoMappings())
			// ZITADEL has no /__admin API; stubs are registered in-process, not over HTTP.
			.adminAuthenticator((request) -> false)
			.extensions(this.tokenEndpoint, new ApiGuard(tokens, this.organizationId)));
	}

	/**
	 * Starts a stand-in whose access tokens live as long as ZITADEL's by default.
	 * @return the started stand-in
	 */
	public static ZitadelStandIn start() {
		return start(DEFAULT_ACCESS_TOKEN_LIFETIME);
	}

	/**
	 * Starts a stand-in whose access tokens live as long as given, as a ZITADEL instance
	 * configured so would.
	 * @param accessTokenLifetime the lifetime of the access tokens, at least one second
	 * @return the started stand-in
	 */
	public static ZitadelStandIn start(Duration accessTokenLifetime) {
		if (accessTokenLifetime.getSeconds() < 1) {
			throw new IllegalArgumentException("accessTokenLifetime must be at least one second");
		}
		ZitadelStandIn standIn = new ZitadelStandIn(accessTokenLifetime);
		try {
			standIn.server.start();
			standIn.registerStubs();
		}
		catch (RuntimeException ex) {
			standIn.close();
			throw ex;
		}
		return standIn;
	}

	/**
	 * A notice for the application's log: that this is a stand-in, and how to use a real
	 * instance instead. The caller logs it once logging is set up.
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
			.formatted(issuer(), this.serviceUserName, this.serviceUserId, this.keyId, this.organizationName);
	}

	/**
	 * The issuer, as a ZITADEL instance sees itself and expects it in an assertion's
	 * {@code aud}: {@code http://127.0.0.1:<port>}, no path, no trailing slash.
	 * @return the issuer URL
	 */
	public String issuer() {
		return "http://" + HOST + ":" + this.server.port();
	}

	/**
	 * The service user's key file as ZITADEL hands it out: type {@code serviceaccount}, an
	 * RSA 2048 private key in PKCS#1 PEM, expiring in a year.
	 * @return the key file's JSON
	 */
	public String serviceUserKeyJson() {
		String pem = pem("RSA PRIVATE KEY", pkcs1((RSAPrivateCrtKey) this.keyPair.getPrivate()));
		// The PEM holds only base64, dashes, spaces and newlines: only the newlines need escaping.
		return "{\"type\":\"serviceaccount\",\"keyId\":\"" + this.keyId + "\",\"key\":\"" + pem.replace("\n", "\\n")
				+ "\",\"userId\":\"" + this.serviceUserId + "\",\"expirationDate\":\"" + this.keyExpiration + "\"}";
	}

	/**
	 * Writes the service user's key file, named {@code <keyId>.json} as ZITADEL names it,
	 * readable by its owner only where the file system allows.
	 * @param directory the directory to write to, which must exist
	 * @return the written file
	 */
	public Path writeServiceUserKeyFile(Path directory) {
		Path file = directory.resolve(this.keyId + ".json");
		try {
			Files.writeString(file, serviceUserKeyJson(), StandardCharsets.UTF_8);
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
	 * The id of the service user's key, the {@code kid} its assertions must carry.
	 * @return the key id
	 */
	public String keyId() {
		return this.keyId;
	}

	/**
	 * The service user's id, the {@code iss} and {@code sub} of its assertions.
	 * @return the user id
	 */
	public String serviceUserId() {
		return this.serviceUserId;
	}

	/**
	 * The service user's user name.
	 * @return the user name
	 */
	public String serviceUserName() {
		return this.serviceUserName;
	}

	/**
	 * The id of the service user's organization.
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
	 * How long the access tokens live.
	 * @return the access token lifetime
	 */
	public Duration accessTokenLifetime() {
		return this.accessTokenLifetime;
	}

	/**
	 * How many token requests arrived, whatever their outcome.
	 * @return the number of {@code POST /oauth/v2/token} requests
	 */
	public int tokenRequests() {
		return this.tokenEndpoint.requests();
	}

	/**
	 * Stops the server.
	 */
	@Override
	public void close() {
		this.server.stop();
	}

	private void registerStubs() {
		String issuer = issuer();
		this.server.stubFor(post(urlPathEqualTo("/oauth/v2/token"))
			.willReturn(aResponse().withTransformers(TokenEndpoint.NAME)));
		this.server.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration"))
			.willReturn(okJson(discoveryDocument(issuer))));
		this.server.stubFor(get(urlPathEqualTo("/oauth/v2/keys")).willReturn(okJson("{\"keys\":[]}")));
		this.server.stubFor(get(urlPathEqualTo("/debug/healthz"))
			.willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("ok")));
		this.server.stubFor(get(urlPathEqualTo("/debug/ready"))
			.willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("ok")));
		this.server.stubFor(get(urlPathEqualTo("/auth/v1/users/me"))
			.willReturn(okJson(ownUser()).withTransformers(ApiGuard.NAME)));
		this.server.stubFor(get(urlPathEqualTo("/management/v1/orgs/me"))
			.willReturn(okJson(ownOrganization()).withTransformers(ApiGuard.NAME)));
		this.server.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.willReturn(okJson(userSearch()).withTransformers(ApiGuard.NAME)));
		// Anything else: grpc-gateway's Not Found rather than WireMock's page about unmatched stubs.
		this.server.stubFor(any(anyUrl()).atPriority(Integer.MAX_VALUE)
			.willReturn(jsonResponse("{\"code\":5,\"message\":\"Not Found\"}", 404)));
	}

	private String discoveryDocument(String issuer) {
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
				"private_key_jwt"]}""".formatted(issuer);
	}

	private String ownUser() {
		return """
				{"details":%s,"user":%s}""".formatted(details("3"), serviceUser());
	}

	private String serviceUser() {
		return """
				{"id":"%s","details":%s,"state":"USER_STATE_ACTIVE","userName":"%s","loginNames":["%s"],\
				"preferredLoginName":"%s","machine":{"name":"Sample service user",\
				"description":"Calls ZITADEL's APIs for zitadel-spring-sample","hasSecret":false,\
				"accessTokenType":"ACCESS_TOKEN_TYPE_BEARER"}}""".formatted(this.serviceUserId, details("3"),
				this.serviceUserName, loginName(this.serviceUserName), loginName(this.serviceUserName));
	}

	private String humanUser(String id, String userName, String firstName, String lastName) {
		String email = userName + "@" + this.primaryDomain;
		return """
				{"id":"%s","details":%s,"state":"USER_STATE_ACTIVE","userName":"%s","loginNames":["%s"],\
				"preferredLoginName":"%s","human":{"profile":{"firstName":"%s","lastName":"%s",\
				"displayName":"%s %s","preferredLanguage":"en","gender":"GENDER_UNSPECIFIED"},\
				"email":{"email":"%s","isEmailVerified":true},"phone":{}}}""".formatted(id, details("2"), userName,
				loginName(userName), loginName(userName), firstName, lastName, firstName, lastName, email);
	}

	private String ownOrganization() {
		return """
				{"org":{"id":"%s","details":%s,"state":"ORG_STATE_ACTIVE","name":"%s","primaryDomain":"%s"}}"""
			.formatted(this.organizationId, details("1"), this.organizationName, this.primaryDomain);
	}

	private String userSearch() {
		List<String> users = List.of(serviceUser(), humanUser(newId(), "ada.lovelace", "Ada", "Lovelace"),
				humanUser(newId(), "alan.turing", "Alan", "Turing"));
		return """
				{"details":{"totalResult":"%d","viewTimestamp":"%s"},"result":[%s]}""".formatted(users.size(),
				this.created, String.join(",", users));
	}

	private String details(String sequence) {
		return """
				{"sequence":"%s","creationDate":"%s","changeDate":"%s","resourceOwner":"%s"}""".formatted(sequence,
				this.created, this.created, this.organizationId);
	}

	private String loginName(String userName) {
		return userName + "@" + this.primaryDomain;
	}

	/** An 18-digit id like ZITADEL's (which are snowflake-like numbers). */
	private static String newId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(200_000_000_000_000_000L, 400_000_000_000_000_000L));
	}

	private static KeyPair generateRsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an RSA key pair", ex);
		}
	}

	/**
	 * The key as a PKCS#1 {@code RSAPrivateKey} (RFC 8017 appendix A.1.2), which ZITADEL
	 * writes and Java cannot: a DER SEQUENCE of nine INTEGERs.
	 */
	private static byte[] pkcs1(RSAPrivateCrtKey key) {
		ByteArrayOutputStream integers = new ByteArrayOutputStream();
		for (BigInteger value : List.of(BigInteger.ZERO, key.getModulus(), key.getPublicExponent(),
				key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
				key.getPrimeExponentQ(), key.getCrtCoefficient())) {
			// Two's complement, minimal length: exactly DER's encoding of a non-negative INTEGER.
			writeDer(integers, 0x02, value.toByteArray());
		}
		ByteArrayOutputStream sequence = new ByteArrayOutputStream();
		writeDer(sequence, 0x30, integers.toByteArray());
		return sequence.toByteArray();
	}

	private static void writeDer(ByteArrayOutputStream out, int tag, byte[] content) {
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			byte[] lengthBytes = BigInteger.valueOf(length).toByteArray();
			int offset = (lengthBytes[0] == 0) ? 1 : 0;
			out.write(0x80 | (lengthBytes.length - offset));
			out.write(lengthBytes, offset, lengthBytes.length - offset);
		}
		out.write(content, 0, content.length);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}

	/** No stubs from files: the stand-in's behaviour is all in this class. */
	private static final class NoMappings implements MappingsSource {

		@Override
		public void loadMappingsInto(StubMappings stubMappings) {
		}

		@Override
		public void save(List<StubMapping> stubMappings) {
		}

		@Override
		public void save(StubMapping stubMapping) {
		}

		// Still abstract in WireMock 3's MappingsSaver, though deprecated for removal.
		@Override
		@SuppressWarnings("removal")
		public void remove(StubMapping stubMapping) {
		}

		@Override
		public void removeAll() {
		}

	}

}
