package io.github.zitadelstarter.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;
import org.wiremock.spring.WireMockConfigurationCustomizer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A self-hosted ZITADEL behind a certificate of a private CA, trusted through an SSL bundle
 * named by {@code zitadel.ssl.bundle}: token requests and API calls reach it, and nothing
 * else trusts the certificate.
 */
@SpringBootTest(classes = ZitadelOverHttpsTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.ssl.bundle.pem.private-ca.truststore.certificate=classpath:ssl/zitadel.crt",
				"zitadel.ssl.bundle=private-ca" })
@EnableWireMock(@ConfigureWireMock(name = "zitadel", port = -1, httpsPort = 0,
		httpsBaseUrlProperties = "zitadel.issuer", configurationCustomizers = ZitadelOverHttpsTests.SelfSigned.class))
class ZitadelOverHttpsTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Autowired
	@Qualifier("zitadelWebClient")
	WebClient zitadelWebClient;

	@Autowired
	@Qualifier("zitadelRestClient")
	RestClient zitadelRestClient;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@BeforeEach
	void stubs() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("tls-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me")).willReturn(okJson("{\"user\":{\"id\":\"42\"}}")));
	}

	@Test
	void tokenRequestsAndApiCallsTrustTheBundle() {
		assertThat(this.zitadelWebClient.get().uri("/auth/v1/users/me").retrieve().bodyToMono(String.class).block())
			.contains("42");
		assertThat(this.zitadelRestClient.get().uri("/auth/v1/users/me").retrieve().body(String.class)).contains("42");
		assertThat(received(this.zitadel)).hasSize(1)
			.allSatisfy((request) -> assertThat(request.getAbsoluteUrl()).startsWith("https://"));
	}

	@Test
	void theBlockingTokenRequestTrustsTheBundleToo() {
		runner().withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues("spring.ssl.bundle.pem.private-ca.truststore.certificate=classpath:ssl/zitadel.crt",
					"zitadel.ssl.bundle=private-ca")
			.run((context) -> assertThat(context.getBean(ZitadelTokenSource.class).getTokenBlocking().getTokenValue())
				.isEqualTo("tls-token"));
	}

	@Test
	void withoutTheBundleTheCertificateIsNotTrusted() {
		runner().run((context) -> assertThatExceptionOfType(ZitadelTokenException.class)
			.isThrownBy(() -> context.getBean(ZitadelTokenSource.class).getTokenBlocking())
			.withMessageContaining("the token endpoint did not answer"));
		assertThat(received(this.zitadel)).isEmpty();
	}

	@Test
	void aBundleThatDoesNotExistIsAConfigurationError() {
		runner().withPropertyValues("zitadel.ssl.bundle=nope").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.satisfies((failure) -> assertThat(new InvalidZitadelConfigurationFailureAnalyzer().analyze(failure))
				.satisfies((analysis) -> {
					assertThat(analysis.getDescription())
						.contains("zitadel.ssl.bundle is 'nope', but there is no SSL bundle of that name");
					assertThat(analysis.getAction()).contains("spring.ssl.bundle.pem.nope");
				})));
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ZitadelAutoConfiguration.class))
			.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl(),
					"zitadel.service-user.key-json=" + user.keyJson(), "zitadel.token.retry.max-attempts=1");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	/** Serves HTTPS with the self-signed certificate of {@code ssl/zitadel.p12}. */
	static class SelfSigned implements WireMockConfigurationCustomizer {

		@Override
		public void customize(WireMockConfiguration configuration, ConfigureWireMock options) {
			try {
				configuration.keystorePath(new ClassPathResource("ssl/zitadel.p12").getFile().getAbsolutePath())
					.keystoreType("PKCS12")
					.keystorePassword("changeit")
					.keyManagerPassword("changeit");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
