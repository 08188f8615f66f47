package io.github.zitadelstarter.plainspring;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.github.zitadelstarter.api.ZitadelClients;
import io.github.zitadelstarter.api.user.GetUserByIDRequest;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library in a Spring application without Spring Boot (none is on this module's class
 * path, as its enforcer rule checks), against ZITADEL on WireMock: the service user's token is
 * requested with an assertion that its public key verifies, and sent to the APIs.
 */
class SpringWithoutBootTests {

	private static final String USER_ID = "300000000000000042";

	private final WireMockServer zitadel = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	private KeyPair keyPair;

	@BeforeEach
	void startZitadel() throws Exception {
		this.zitadel.start();
		this.zitadel.stubFor(post(urlPathEqualTo("/oauth/v2/token")).willReturn(
				okJson("{\"access_token\":\"plain-spring-token\",\"token_type\":\"Bearer\",\"expires_in\":43199}")));
		this.zitadel.stubFor(get(urlPathEqualTo("/oidc/v1/userinfo")).willReturn(okJson("{\"sub\":\"" + USER_ID + "\"}")));
		this.zitadel.stubFor(post(urlPathEqualTo("/zitadel.user.v2.UserService/GetUserByID"))
			.willReturn(okJson("{\"user\":{\"userId\":\"" + USER_ID + "\",\"username\":\"robot\"}}")));
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		this.keyPair = generator.generateKeyPair();
	}

	@AfterEach
	void stopZitadel() {
		this.zitadel.stop();
	}

	@Test
	void aSpringApplicationWithoutBootCallsZitadelAsTheServiceUser() throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test",
						Map.of("zitadel.issuer", this.zitadel.baseUrl(), "zitadel.key-json", keyJson())));
			context.register(ZitadelConfiguration.class);
			context.refresh();

			String userinfo = context.getBean("zitadelRestClient", RestClient.class)
				.get()
				.uri("/oidc/v1/userinfo")
				.retrieve()
				.body(String.class);
			String username = context.getBean(ZitadelClients.class)
				.users()
				.getUserByID(GetUserByIDRequest.of(USER_ID))
				.user()
				.username();

			assertThat(userinfo).contains(USER_ID);
			assertThat(username).isEqualTo("robot");
			assertThat(context.getBean(ZitadelTokenSource.class).isRunning()).isTrue();
		}

		List<LoggedRequest> tokenRequests = this.zitadel.findAll(postRequestedFor(urlPathEqualTo("/oauth/v2/token")));
		assertThat(tokenRequests).hasSize(1);
		Map<String, String> form = form(tokenRequests.get(0).getBodyAsString());
		assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
			.containsEntry("scope", "openid urn:zitadel:iam:org:project:id:zitadel:aud");
		SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
		assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) this.keyPair.getPublic()))).isTrue();
		assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(USER_ID);
		assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(USER_ID);
		assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(this.zitadel.baseUrl());
		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/oidc/v1/userinfo")).withHeader("Authorization",
				equalTo("Bearer plain-spring-token")));
		this.zitadel.verify(postRequestedFor(urlPathEqualTo("/zitadel.user.v2.UserService/GetUserByID"))
			.withHeader("Authorization", equalTo("Bearer plain-spring-token"))
			.withRequestBody(equalToJson("{\"userId\":\"" + USER_ID + "\"}")));
	}

	/** A key file as ZITADEL's console hands it out, but with a PKCS#8 key. */
	private String keyJson() {
		String pem = "-----BEGIN PRIVATE KEY-----\\n"
				+ Base64.getEncoder().encodeToString(this.keyPair.getPrivate().getEncoded())
				+ "\\n-----END PRIVATE KEY-----\\n";
		return "{\"type\":\"serviceaccount\",\"keyId\":\"300000000000000001\",\"key\":\"" + pem + "\",\"userId\":\""
				+ USER_ID + "\"}";
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			String[] nameAndValue = pair.split("=", 2);
			form.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
					URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
		}
		return form;
	}

}
