package io.github.zitadelstarter.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The HTTP service group {@value ZitadelHttpServiceGroups#NAME}, backed by RestClient and by
 * WebClient, next to Boot's own configurers of {@code spring.http.serviceclient.*}, which
 * give every group a request factory or connector of their own: the group still trusts
 * {@code zitadel.ssl.bundle}, never follows a redirect, and goes to
 * {@code spring.http.serviceclient.zitadel.base-url} when that is set, with that group's
 * timeouts.
 */
@SpringBootTest(classes = ZitadelHttpServiceGroupTests.NoApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableWireMock(@ConfigureWireMock(name = "zitadel", port = -1, httpsPort = 0,
		configurationCustomizers = ZitadelOverHttpsTests.SelfSigned.class))
class ZitadelHttpServiceGroupTests {

	private static final TestServiceUser user = TestServiceUser.create();

	private static final String ME = "/auth/v1/users/me";

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@BeforeEach
	void stubs() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("group-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson("{\"user\":{\"id\":\"42\"}}")));
	}

	@ParameterizedTest
	@EnumSource
	void theGroupTrustsTheCertificateOfZitadelSslBundle(Client client) {
		runner(client).run((context) -> {
			ResponseEntity<String> answer = client.me(context);

			assertThat(answer.getStatusCode().value()).isEqualTo(200);
			assertThat(answer.getBody()).contains("42");
		});
		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo(ME)))).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer group-token"));
	}

	@ParameterizedTest
	@EnumSource
	void theGroupDoesNotFollowARedirect(Client client) {
		// Within ZITADEL's origin, where any client follows a redirect unless told not to.
		this.zitadel.stubFor(get(urlPathEqualTo(ME))
			.willReturn(aResponse().withStatus(302).withHeader("Location", this.zitadel.baseUrl() + "/moved")));
		this.zitadel.stubFor(get(urlPathEqualTo("/moved")).willReturn(okJson("{}")));

		runner(client).run((context) -> assertThat(client.me(context).getStatusCode().value()).isEqualTo(302));
		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo("/moved")))).isEmpty();
	}

	@ParameterizedTest
	@EnumSource
	void theGroupGoesToTheBaseUrlOfSpringHttpServiceClientZitadel(Client client) {
		this.zitadel.stubFor(get(urlPathEqualTo("/behind-a-gateway" + ME)).willReturn(okJson("{\"gateway\":true}")));

		runner(client)
			.withPropertyValues("spring.http.serviceclient.zitadel.base-url=" + this.zitadel.baseUrl() + "/behind-a-gateway")
			.run((context) -> assertThat(client.me(context).getBody()).contains("gateway"));
		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo("/behind-a-gateway" + ME)))).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer group-token"));
		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo(ME)))).isEmpty();
	}

	@ParameterizedTest
	@EnumSource
	void theGroupKeepsTheReadTimeoutOfSpringHttpServiceClientZitadel(Client client) {
		this.zitadel.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson("{}").withFixedDelay(10_000)));

		runner(client).withPropertyValues("spring.http.serviceclient.zitadel.read-timeout=300ms").run((context) -> {
			long start = System.nanoTime();
			assertThatException().isThrownBy(() -> client.me(context));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		});
	}

	private ApplicationContextRunner runner(Client client) {
		return new ApplicationContextRunner().withUserConfiguration(client.application)
			.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl(),
					"zitadel.service-user.key-json=" + user.keyJson(),
					"spring.ssl.bundle.pem.private-ca.truststore.certificate=classpath:ssl/zitadel.crt",
					"zitadel.ssl.bundle=private-ca");
	}

	/** The two kinds of client that can back the group. */
	enum Client {

		REST_CLIENT(RestClientGroupApplication.class,
				(context) -> context.getBean(BlockingZitadelApi.class).me()),

		WEB_CLIENT(WebClientGroupApplication.class,
				(context) -> context.getBean(ReactiveZitadelApi.class).me().block(Duration.ofSeconds(30)));

		private final Class<?> application;

		private final Function<ApplicationContext, ResponseEntity<String>> me;

		Client(Class<?> application, Function<ApplicationContext, ResponseEntity<String>> me) {
			this.application = application;
			this.me = me;
		}

		ResponseEntity<String> me(ApplicationContext context) {
			return this.me.apply(context);
		}

	}

	interface BlockingZitadelApi {

		@GetExchange(ME)
		ResponseEntity<String> me();

	}

	interface ReactiveZitadelApi {

		@GetExchange(ME)
		Mono<ResponseEntity<String>> me();

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@ImportHttpServices(group = ZitadelHttpServiceGroups.NAME, types = BlockingZitadelApi.class)
	static class RestClientGroupApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@ImportHttpServices(group = ZitadelHttpServiceGroups.NAME, types = ReactiveZitadelApi.class,
			clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class WebClientGroupApplication {

	}

	/** Only holds the WireMock servers. */
	@SpringBootConfiguration
	static class NoApplication {

	}

}
