package io.github.zitadelstarter.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token requests and the starter's clients are built with the HTTP client the application
 * configured (here a connector or request factory builder bean with a customizer, as one
 * would add for a proxy), not with one the starter picks.
 */
@SpringBootTest(classes = ApplicationHttpClientSetupTests.NoApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableWireMock(@ConfigureWireMock(name = "zitadel"))
class ApplicationHttpClientSetupTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@BeforeEach
	void stubs() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("t", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me")).willReturn(okJson("{}")));
	}

	@Test
	void theApplicationsConnectorBuilderBuildsTheTokenRequestsAndTheWebClient() {
		AtomicInteger customized = new AtomicInteger();
		runner().withBean(ClientHttpConnectorBuilder.class, () -> ClientHttpConnectorBuilder.reactor()
			.withHttpClientCustomizer((client) -> {
				customized.incrementAndGet();
				return client;
			})).run((context) -> {
				assertThat(customized).as("token requests and the zitadelWebClient").hasValue(2);
				context.getBean("zitadelWebClient", WebClient.class).get().uri("/auth/v1/users/me").retrieve()
					.toBodilessEntity().block(Duration.ofSeconds(30));
			});
	}

	@Test
	void theApplicationsRequestFactoryBuilderBuildsTheBlockingTokenRequestsAndTheRestClient() {
		AtomicInteger customized = new AtomicInteger();
		runner().withClassLoader(new FilteredClassLoader(WebClient.class))
			.withBean(ClientHttpRequestFactoryBuilder.class, () -> ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((builder) -> customized.incrementAndGet()))
			.run((context) -> {
				context.getBean(ZitadelTokenSource.class).getTokenBlocking();
				context.getBean("zitadelRestClient", RestClient.class).get().uri("/auth/v1/users/me").retrieve()
					.toBodilessEntity();
				assertThat(customized).as("token requests and the zitadelRestClient").hasValue(2);
			});
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class,
					ZitadelWebClientAutoConfiguration.class, ZitadelRestClientAutoConfiguration.class))
			.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl(),
					"zitadel.service-user.key-json=" + user.keyJson());
	}

	@SpringBootConfiguration
	static class NoApp {

	}

}
