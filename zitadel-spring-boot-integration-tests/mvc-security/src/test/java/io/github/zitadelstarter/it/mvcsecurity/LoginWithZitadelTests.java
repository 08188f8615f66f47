package io.github.zitadelstarter.it.mvcsecurity;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user logs in with ZITADEL through the application's own {@code zitadel} registration,
 * at the same token endpoint where the starter gets the service user's tokens, and each
 * side keeps its own tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableWireMock({ @ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"),
		@ConfigureWireMock(name = "partner", baseUrlProperties = "partner.base-url") })
class LoginWithZitadelTests {

	private static final TestServiceUser serviceUser = TestServiceUser.create();

	private static final KeyPair signingKey = TestServiceUser.generate(2048);

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", serviceUser::keyJson);
	}

	@Test
	void userLogsInWithZitadelWhileTheAppCallsZitadelAsTheServiceUser() throws Exception {
		// A browser: keeps its session cookie, follows no redirect by itself.
		RestClient browser = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.requestFactory(new JdkClientHttpRequestFactory(
					HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build()))
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
			.build();

		URI login = redirect(browser, URI.create("/account"));
		URI authorize = redirect(browser, login);
		assertThat(authorize).hasPath("/oauth/v2/authorize").hasParameter("client_id", "mvc-security-app");
		MultiValueMap<String, String> parameters = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
		String nonce = parameters.getFirst("nonce");
		String state = parameters.getFirst("state");
		this.zitadel.stubFor(tokenEndpoint().withRequestBody(containing("grant_type=authorization_code"))
			.willReturn(okJson("{\"access_token\":\"user-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
					+ "\"scope\":\"openid profile\",\"id_token\":\"" + idToken(nonce) + "\"}")));
		this.zitadel.stubFor(get(urlPathEqualTo("/oauth/v2/keys")).willReturn(okJson(jwks())));
		this.zitadel.stubFor(get(urlPathEqualTo("/oidc/v1/userinfo"))
			.willReturn(okJson("{\"sub\":\"user-1\",\"name\":\"Ada Lovelace\",\"urn:zitadel:iam:org:project:roles\":"
					+ "{\"editor\":{\"org-1\":\"org-1.example.com\"}}}")));

		// The state goes back exactly as ZITADEL received it, still encoded.
		URI afterLogin = redirect(browser, URI.create("/login/oauth2/code/zitadel?code=the-code&state=" + state));
		assertThat(afterLogin).hasPath("/account");
		assertThat(browser.get().uri("/account").retrieve().body(String.class)).isEqualTo("Hello user-1");
		// ZITADEL's roles, of the ID token and of the userinfo, as the resource server's authorities.
		assertThat(browser.get().uri("/account/authorities").retrieve().body(String.class)).contains("ROLE_viewer",
				"ROLE_editor", "OIDC_USER", "SCOPE_openid");
		assertThat(browser.get().uri("/reports").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
		HttpStatusCode admin = browser.get()
			.uri("/admin")
			.exchange((request, response) -> response.getStatusCode(), false);
		assertThat(admin).isEqualTo(HttpStatus.FORBIDDEN);

		this.zitadel.stubFor(tokenEndpoint().withRequestBody(containing("jwt-bearer"))
			.willReturn(token("service-user-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me"))
			.willReturn(okJson("{\"user\":{\"id\":\"" + TestServiceUser.USER_ID + "\"}}")));
		assertThat(browser.get().uri("/zitadel/me").retrieve().body(String.class))
			.contains(TestServiceUser.USER_ID);

		this.zitadel.verify(postRequestedFor(urlPathEqualTo("/oauth/v2/token"))
			.withBasicAuth(new BasicCredentials("mvc-security-app", "login-secret"))
			.withRequestBody(containing("code=the-code")));
		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/oidc/v1/userinfo")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer user-access-token")));
		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer service-user-token")));
		assertThat(received(this.zitadel)).extracting((request) -> request.getBodyAsString().contains("jwt-bearer"))
			.containsExactly(false, true);
	}

	/** Where the application sends the browser; the URI is used as it is, already encoded. */
	private URI redirect(RestClient browser, URI uri) {
		URI absolute = URI.create("http://localhost:" + this.port).resolve(uri);
		ResponseEntity<Void> response = browser.get().uri(absolute).retrieve().toBodilessEntity();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		URI location = response.getHeaders().getLocation();
		assertThat(location).isNotNull();
		return location;
	}

	private String idToken(String nonce) throws JOSEException {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.zitadel.baseUrl())
			.subject("user-1")
			.audience(List.of("mvc-security-app"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", nonce)
			.claim("urn:zitadel:iam:org:project:roles", Map.of("viewer", Map.of("org-1", "org-1.example.com")))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("login-key").build(), claims);
		jwt.sign(new RSASSASigner((RSAPrivateKey) signingKey.getPrivate()));
		return jwt.serialize();
	}

	private static String jwks() {
		return new JWKSet(new RSAKey.Builder((RSAPublicKey) signingKey.getPublic()).keyID("login-key").build())
			.toString();
	}

}
