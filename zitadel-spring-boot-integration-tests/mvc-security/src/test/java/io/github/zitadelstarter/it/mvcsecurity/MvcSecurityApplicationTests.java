package io.github.zitadelstarter.it.mvcsecurity;

import java.net.URI;
import java.net.http.HttpClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import io.github.zitadelstarter.api.user.GetUserByIDRequest;
import io.github.zitadelstarter.api.user.UserServiceClient;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.testsupport.TokenRequests;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on a real server, with ZITADEL and the partner on WireMock: adding the
 * starter changed nothing that the application already had.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableWireMock({ @ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"),
		@ConfigureWireMock(name = "partner", baseUrlProperties = "partner.base-url") })
class MvcSecurityApplicationTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@InjectWireMock("partner")
	WireMockServer partner;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserServiceClient users;

	private RestClient app;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@BeforeEach
	void browser() {
		// Redirects are the answer under test here, so they are not followed.
		this.app = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
			.build();
	}

	@Test
	void restClientAndWebClientInjectedByTypeAreTheApplicationsOwn() {
		this.partner.stubFor(get(urlPathEqualTo("/api/hello")).willReturn(okJson("{\"hello\":\"partner\"}")));

		assertThat(this.app.get().uri("/partner/rest-client").retrieve().body(String.class)).contains("partner");
		assertThat(this.app.get().uri("/partner/web-client").retrieve().body(String.class)).contains("partner");

		this.partner.verify(getRequestedFor(urlPathEqualTo("/api/hello")).withHeader("X-Client",
				equalTo("app-rest-client")).withHeader(HttpHeaders.AUTHORIZATION, absent()));
		this.partner.verify(getRequestedFor(urlPathEqualTo("/api/hello")).withHeader("X-Client",
				equalTo("app-web-client")).withHeader(HttpHeaders.AUTHORIZATION, absent()));
		assertThat(received(this.zitadel)).isEmpty();
	}

	@Test
	void typedClientsCallZitadelAsTheServiceUserBesideTheApplicationsOwnClients() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("service-user-token", 43199)));
		this.zitadel.stubFor(post(urlPathEqualTo("/zitadel.user.v2.UserService/GetUserByID"))
			.willReturn(okJson("{\"user\":{\"userId\":\"" + TestServiceUser.USER_ID + "\",\"username\":\"svc\"}}")));

		assertThat(this.users.getUserByID(GetUserByIDRequest.of(TestServiceUser.USER_ID)).user())
			.satisfies((user) -> assertThat(user.username()).isEqualTo("svc"));

		this.zitadel.verify(postRequestedFor(urlPathEqualTo("/zitadel.user.v2.UserService/GetUserByID"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer service-user-token")));
		assertThat(this.partner.getAllServeEvents()).isEmpty();
	}

	@Test
	void zitadelRestClientCallsZitadelWithTheServiceUsersJwtBearerToken() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("service-user-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me"))
			.willReturn(okJson("{\"user\":{\"id\":\"" + TestServiceUser.USER_ID + "\"}}")));

		assertThat(this.app.get().uri("/zitadel/me").retrieve().body(String.class))
			.contains("\"id\":\"" + TestServiceUser.USER_ID + "\"");

		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer service-user-token")));
		assertThat(received(this.zitadel)).singleElement()
			.extracting(TokenRequests::form, InstanceOfAssertFactories.map(String.class, String.class))
			.containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
			.containsKey("assertion");
		assertThat(this.partner.getAllServeEvents()).isEmpty();
	}

	@Test
	void partnerTokenIsFetchedWithClientCredentialsFromThePartnerAndUsed() {
		this.partner.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(token("partner-token", 3600)));
		this.partner.stubFor(get(urlPathEqualTo("/api/orders")).willReturn(okJson("{\"orders\":[1,2,3]}")));

		assertThat(this.app.get().uri("/partner/orders").retrieve().body(String.class)).contains("[1,2,3]");

		this.partner.verify(postRequestedFor(urlPathEqualTo("/oauth/token"))
			.withBasicAuth(new BasicCredentials("mvc-security-app", "partner-secret"))
			.withRequestBody(containing("grant_type=client_credentials")));
		this.partner.verify(getRequestedFor(urlPathEqualTo("/api/orders")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer partner-token")));
		assertThat(received(this.zitadel)).isEmpty();
	}

	@Test
	void protectedPageSendsTheUserToLogInWithTheApplicationsZitadelRegistration() {
		ResponseEntity<Void> page = this.app.get()
			.uri("/account")
			.accept(MediaType.TEXT_HTML)
			.retrieve()
			.toBodilessEntity();
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(page.getHeaders().getLocation()).hasPath("/oauth2/authorization/zitadel");

		ResponseEntity<Void> login = this.app.get()
			.uri("/oauth2/authorization/zitadel")
			.accept(MediaType.TEXT_HTML)
			.retrieve()
			.toBodilessEntity();
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		URI authorize = login.getHeaders().getLocation();
		assertThat(authorize).hasHost("localhost")
			.hasPort(this.zitadel.port())
			.hasPath("/oauth/v2/authorize")
			.hasParameter("response_type", "code")
			.hasParameter("client_id", "mvc-security-app")
			.hasParameter("scope", "openid profile");
		assertThat(received(this.zitadel)).isEmpty();
	}

	@Test
	void contextHoldsOnlyTheApplicationsOwnOAuth2ClientBeans() {
		assertThat(this.context.getBeansOfType(OAuth2AuthorizedClientProvider.class))
			.containsOnlyKeys("userTokenExchangeProvider");
		assertThat(this.context.getBeanNamesForType(ReactiveOAuth2AuthorizedClientProvider.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ClientRegistration.class)).isEmpty();
		ClientRegistration login = this.context.getBean(ClientRegistrationRepository.class)
			.findByRegistrationId("zitadel");
		assertThat(login.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
		assertThat(login.getClientId()).isEqualTo("mvc-security-app");
		assertThat(login.getProviderDetails().getTokenUri()).isEqualTo(this.zitadel.baseUrl() + "/oauth/v2/token");
	}

}
