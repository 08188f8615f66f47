package io.github.zitadelstarter.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.zitadelstarter.restclient.ZitadelClientHttpRequestInterceptor;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import io.github.zitadelstarter.webclient.ZitadelExchangeFilterFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The service user's credentials go to ZITADEL only: the access token to ZITADEL's origins,
 * through the starter's clients and through the filter and interceptor on an application's
 * own clients; the assertion to the token endpoint only, never through a redirect.
 */
@SpringBootTest(classes = CredentialsStayWithZitadelTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableWireMock({ @ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"),
		@ConfigureWireMock(name = "elsewhere", baseUrlProperties = "elsewhere.url") })
class CredentialsStayWithZitadelTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@InjectWireMock("elsewhere")
	WireMockServer elsewhere;

	@Autowired
	@Qualifier("zitadelWebClient")
	WebClient zitadelWebClient;

	@Autowired
	@Qualifier("zitadelRestClient")
	RestClient zitadelRestClient;

	@Autowired
	ZitadelExchangeFilterFunction filter;

	@Autowired
	ZitadelClientHttpRequestInterceptor interceptor;

	@Autowired
	ZitadelTokenSource tokenSource;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@BeforeEach
	void stubs() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("service-user-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me")).willReturn(okJson("{\"user\":{\"id\":\"42\"}}")));
		this.elsewhere.stubFor(get(urlPathEqualTo("/x")).willReturn(okJson("{}")));
		this.elsewhere.stubFor(get(urlPathEqualTo("/refuses")).willReturn(aResponse().withStatus(401)));
	}

	@Test
	void theStartersClientsSendTheTokenToZitadelButNotToAnotherOrigin() {
		String elsewhereUrl = this.elsewhere.baseUrl() + "/x";
		this.zitadelWebClient.get().uri("/auth/v1/users/me").retrieve().toBodilessEntity().block();
		this.zitadelWebClient.get().uri(elsewhereUrl).retrieve().toBodilessEntity().block();
		this.zitadelRestClient.get().uri("/auth/v1/users/me").retrieve().toBodilessEntity();
		this.zitadelRestClient.get().uri(elsewhereUrl).retrieve().toBodilessEntity();

		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))))
			.extracting((request) -> request.getHeader("Authorization"))
			.containsExactly("Bearer service-user-token", "Bearer service-user-token");
		assertThat(this.elsewhere.findAll(getRequestedFor(urlPathEqualTo("/x")))).hasSize(2)
			.allSatisfy((request) -> assertThat(request.containsHeader("Authorization")).isFalse());
	}

	@Test
	void theFilterAndInterceptorOnAnApplicationsOwnClientsAuthenticateOnlyRequestsToZitadel() {
		WebClient ownWebClient = WebClient.builder().filter(this.filter).build();
		RestClient ownRestClient = RestClient.builder().requestInterceptor(this.interceptor).build();
		for (String url : List.of(this.zitadel.baseUrl() + "/auth/v1/users/me", this.elsewhere.baseUrl() + "/x")) {
			ownWebClient.get().uri(url).retrieve().toBodilessEntity().block();
			ownRestClient.get().uri(url).retrieve().toBodilessEntity();
		}

		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo("/auth/v1/users/me")))).hasSize(2)
			.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer service-user-token"));
		assertThat(this.elsewhere.findAll(anyRequestedFor(anyUrl()))).hasSize(2)
			.allSatisfy((request) -> assertThat(request.containsHeader("Authorization")).isFalse());
	}

	@Test
	void a401FromAnotherOriginLeavesTheTokenAlone() {
		this.zitadelRestClient.get().uri("/auth/v1/users/me").retrieve().toBodilessEntity();
		int tokenRequests = received(this.zitadel).size();

		assertThatExceptionOfType(WebClientResponseException.Unauthorized.class).isThrownBy(() -> this.zitadelWebClient
			.get().uri(this.elsewhere.baseUrl() + "/refuses").retrieve().toBodilessEntity().block());
		assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class).isThrownBy(() -> this.zitadelRestClient
			.get().uri(this.elsewhere.baseUrl() + "/refuses").retrieve().toBodilessEntity());

		assertThat(this.elsewhere.findAll(getRequestedFor(urlPathEqualTo("/refuses")))).as("no retry").hasSize(2);
		assertThat(this.tokenSource.getCachedToken()).isNotNull();
		assertThat(received(this.zitadel)).hasSize(tokenRequests);
	}

	@Test
	void anOriginListedInApiOriginsGetsTheTokenAndOriginsAreComparedAsZitadelSpellsThem() {
		// The same WireMock server reached by another host name stands for a custom domain.
		String customDomain = this.zitadel.baseUrl().replace("localhost", "127.0.0.1");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class,
				ZitadelRestClientAutoConfiguration.class))
			.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl().replace("http://localhost", "HTTP://LocalHost"),
					"zitadel.service-user.key-json=" + user.keyJson(),
					"zitadel.api-origins=" + customDomain.toUpperCase(java.util.Locale.ROOT) + "/")
			.run((context) -> {
				RestClient restClient = context.getBean("zitadelRestClient", RestClient.class);
				restClient.get().uri(customDomain + "/auth/v1/users/me").retrieve().toBodilessEntity();
				restClient.get().uri(this.zitadel.baseUrl() + "/auth/v1/users/me").retrieve().toBodilessEntity();
			});

		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo("/auth/v1/users/me")))).hasSize(2)
			.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer service-user-token"));
	}

	@Test
	void aRedirectFromTheTokenEndpointIsRefusedAndNothingIsPostedElsewhere() {
		for (int status : new int[] { 302, 307 }) {
			this.zitadel.resetAll();
			this.zitadel.stubFor(tokenEndpoint().willReturn(
					aResponse().withStatus(status).withHeader("Location", this.elsewhere.baseUrl() + "/steal?x=1")));
			for (boolean reactive : new boolean[] { true, false }) {
				ApplicationContextRunner runner = new ApplicationContextRunner()
					.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class))
					.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl(),
							"zitadel.service-user.key-json=" + user.keyJson());
				if (!reactive) {
					runner = runner.withClassLoader(new FilteredClassLoader(WebClient.class));
				}
				AtomicReference<Throwable> failure = new AtomicReference<>();
				runner.run((context) -> failure.set(catchFailure(context.getBean(ZitadelTokenSource.class))));
				assertThat(failure.get()).isInstanceOf(ZitadelTokenException.class)
					.hasMessageContaining("HTTP " + status + " redirect to " + this.elsewhere.baseUrl() + "/steal,")
					.hasMessageContaining("Set zitadel.issuer (or zitadel.token-endpoint) to the URL at which ZITADEL")
					.hasMessageNotContaining("x=1");
				assertThat(received(this.zitadel)).as("not retried").hasSize(reactive ? 1 : 2);
			}
		}
		List<LoggedRequest> elsewhereReceived = this.elsewhere.findAll(anyRequestedFor(anyUrl()));
		assertThat(elsewhereReceived).isEmpty();
	}

	private static Throwable catchFailure(ZitadelTokenSource tokenSource) {
		try {
			tokenSource.getTokenBlocking();
			return new AssertionError("a token was handed out");
		}
		catch (Throwable ex) {
			return ex;
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
