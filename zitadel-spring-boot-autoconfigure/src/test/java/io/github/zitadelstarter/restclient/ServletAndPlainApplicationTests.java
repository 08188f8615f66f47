package io.github.zitadelstarter.restclient;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.autoconfigure.ZitadelAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelRestClientAutoConfiguration;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.reactive.ReactiveWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a Spring MVC application with a real server, in a command-line application,
 * and without WebFlux on the classpath at all.
 */
class ServletAndPlainApplicationTests {

	private static final TestServiceUser user = TestServiceUser.create();

	private final WireMockServer zitadel = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	@BeforeEach
	void startZitadel() {
		this.zitadel.start();
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("servlet-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me")).willReturn(okJson("{\"user\":{\"id\":\"42\"}}")));
	}

	@AfterEach
	void stopZitadel() {
		this.zitadel.stop();
	}

	@Test
	void aSpringMvcApplicationCallsZitadelThroughTheRestClient() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MvcApp.class)
			.web(WebApplicationType.SERVLET)
			.run(commandLine("--server.port=0"))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();

			String me = RestClient.create("http://localhost:" + port).get().uri("/me").retrieve().body(String.class);

			assertThat(me).contains("\"id\":\"42\"");
			assertThat(app.getBeanNamesForType(ReactiveWebServerFactory.class))
				.as("no reactive server").isEmpty();
		}
		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer servlet-token")));
	}

	@Test
	void aCommandLineApplicationFetchesItsUserAndExitsWithZero() {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandLineApp.class)
			.web(WebApplicationType.NONE)
			.run(commandLine());

		String fetched = app.getBean(CommandLineApp.class).result;

		assertThat(SpringApplication.exit(app)).isZero();
		assertThat(fetched).contains("\"id\":\"42\"");
		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer servlet-token")));
	}

	@Test
	void inAServletApplicationContextTheRestClientPartsAreThere() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class, ZitadelRestClientAutoConfiguration.class,
					RestClientAutoConfiguration.class))
			.withPropertyValues(properties())
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("zitadelRestClient")
				.hasSingleBean(ZitadelClientHttpRequestInterceptor.class));
	}

	@Test
	void withoutWebFluxTheRestClientWorksAndNoWebClientPartIsCreated() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class, ZitadelRestClientAutoConfiguration.class,
					RestClientAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues(properties())
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean("zitadelWebClient");
				RestClient restClient = context.getBean("zitadelRestClient", RestClient.class);
				assertThat(restClient.get().uri("/auth/v1/users/me").retrieve().body(String.class)).contains("42");
			});
		assertThat(received(this.zitadel)).hasSize(1);
	}

	private String[] properties() {
		return new String[] { "zitadel.issuer=" + this.zitadel.baseUrl(),
				"zitadel.service-user.key-json=" + user.keyJson(), "spring.main.banner-mode=off" };
	}

	private String[] commandLine(String... more) {
		return Stream.concat(Arrays.stream(properties()).map((property) -> "--" + property), Arrays.stream(more))
			.toArray(String[]::new);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class MvcApp {

		private final RestClient zitadel;

		MvcApp(@Qualifier("zitadelRestClient") RestClient zitadel) {
			this.zitadel = zitadel;
		}

		@GetMapping("/me")
		Map<String, Object> me() {
			return this.zitadel.get().uri("/auth/v1/users/me").retrieve().body(Map.class);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CommandLineApp {

		String result = "";

		@Bean
		CommandLineRunner fetchMe(@Qualifier("zitadelRestClient") RestClient zitadel) {
			return (args) -> this.result = zitadel.get().uri("/auth/v1/users/me").retrieve().body(String.class);
		}

	}

}
