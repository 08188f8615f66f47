package io.github.zitadelstarter.autoconfigure;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import io.github.zitadelstarter.health.ZitadelHealthIndicator;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.observation.ObservationTokenAcquisitionObserver;
import io.github.zitadelstarter.observation.ZitadelTokenMetrics;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.AccessTokenFetcher;
import io.github.zitadelstarter.token.TokenAcquisitionObserver;
import io.github.zitadelstarter.token.TokenRequestRetry;
import io.github.zitadelstarter.token.ZitadelOrigins;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import io.github.zitadelstarter.webclient.ZitadelExchangeFilterFunction;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class ZitadelAutoConfigurationTests {

	private static final TestServiceUser user = TestServiceUser.create();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class, ZitadelWebClientAutoConfiguration.class,
				ZitadelRestClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				ZitadelHealthContributorAutoConfiguration.class, ZitadelObservationAutoConfiguration.class));

	private final ApplicationContextRunner configured = this.runner.withPropertyValues(
			"zitadel.issuer=https://my-instance.zitadel.cloud", "zitadel.service-user.key-json=" + user.keyJson());

	@Test
	void backsOffWithoutZitadelProperties() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ZitadelTokenSource.class)
			.doesNotHaveBean("zitadelWebClient")
			.doesNotHaveBean(ZitadelProperties.class));
	}

	@Test
	void backsOffWhenDisabledEvenIfConfigured() {
		this.configured.withPropertyValues("zitadel.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ZitadelTokenSource.class));
	}

	@Test
	void createsTheServiceUserClientFromProperties() {
		this.configured.withPropertyValues("zitadel.scopes=urn:zitadel:iam:user:metadata").run((context) -> {
			assertThat(context).hasSingleBean(ServiceUserKey.class)
				.hasSingleBean(ServiceUserAssertionSigner.class)
				.hasSingleBean(ZitadelTokenSource.class)
				.hasSingleBean(ZitadelExchangeFilterFunction.class)
				.hasBean("zitadelWebClient")
				.hasBean("zitadelRestClient")
				.doesNotHaveBean(OAuth2AuthorizedClientProvider.class)
				.doesNotHaveBean(ReactiveOAuth2AuthorizedClientProvider.class)
				.doesNotHaveBean(ClientRegistration.class);
			ClientRegistration registration = registration(context);
			assertThat(registration.getRegistrationId()).isEqualTo("zitadel");
			assertThat(registration.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.JWT_BEARER);
			assertThat(registration.getProviderDetails().getTokenUri())
				.isEqualTo("https://my-instance.zitadel.cloud/oauth/v2/token");
			assertThat(registration.getScopes()).containsExactly("openid", "urn:zitadel:iam:org:project:id:zitadel:aud",
					"urn:zitadel:iam:user:metadata");
			assertThat(context.getBean(ServiceUserAssertionSigner.class).getAudience())
				.isEqualTo("https://my-instance.zitadel.cloud");
		});
	}

	@Test
	void theAudienceIsTheIssuerWithoutTrailingSlashAndTheTokenEndpointCanBeOverridden() {
		this.configured
			.withPropertyValues("zitadel.issuer=https://my-instance.zitadel.cloud/",
					"zitadel.api-origins=https://auth.example.com",
					"zitadel.token-endpoint=https://auth.example.com/token")
			.run((context) -> {
				assertThat(context.getBean(ServiceUserAssertionSigner.class).getAudience())
					.isEqualTo("https://my-instance.zitadel.cloud");
				assertThat(registration(context).getProviderDetails().getTokenUri())
					.isEqualTo("https://auth.example.com/token");
			});
	}

	@Test
	void aTokenEndpointOutsideTheIssuersOriginAndTheApiOriginsStopsStartup() {
		String action = "Remove it to use {zitadel.issuer}/oauth/v2/token. If the same ZITADEL instance answers at "
				+ "that origin too (such as a custom domain), add the origin to zitadel.api-origins.";
		assertStartupFails(this.configured.withPropertyValues("zitadel.token-endpoint=https://proxy.example.com/token"),
				"zitadel.token-endpoint",
				"zitadel.token-endpoint must be at the origin of zitadel.issuer (https://my-instance.zitadel.cloud) "
						+ "or of one of zitadel.api-origins (none), was 'https://proxy.example.com/token'",
				action);
		assertStartupFails(
				this.configured.withPropertyValues("zitadel.api-origins=HTTPS://Auth.Example.com:443",
						"zitadel.token-endpoint=https://my-instance.zitadel.cloud.evil.example/oauth/v2/token"),
				"zitadel.token-endpoint",
				"zitadel.token-endpoint must be at the origin of zitadel.issuer (https://my-instance.zitadel.cloud) "
						+ "or of one of zitadel.api-origins (https://auth.example.com), "
						+ "was 'https://my-instance.zitadel.cloud.evil.example/oauth/v2/token'",
				action);
		// Another scheme or port is another origin: the secret would travel in clear text or to another server.
		for (String elsewhere : new String[] { "http://my-instance.zitadel.cloud/oauth/v2/token",
				"https://my-instance.zitadel.cloud:8443/oauth/v2/token" }) {
			assertStartupFails(this.configured.withPropertyValues("zitadel.token-endpoint=" + elsewhere),
					"zitadel.token-endpoint", "was '" + elsewhere + "'", action);
		}
	}

	@Test
	void aTokenEndpointAtTheIssuersOriginOrAnApiOriginStartsInAnySpelling() {
		for (String tokenEndpoint : new String[] { "https://my-instance.zitadel.cloud/custom/token",
				"HTTPS://My-Instance.Zitadel.Cloud:443/oauth/v2/token", "https://auth.example.com/oauth/v2/token",
				"https://AUTH.example.com:443/oauth/v2/token" }) {
			this.configured
				.withPropertyValues("zitadel.api-origins=HTTPS://Auth.Example.com:443",
						"zitadel.token-endpoint=" + tokenEndpoint)
				.run((context) -> {
					assertThat(context).as(tokenEndpoint).hasNotFailed();
					assertThat(registration(context).getProviderDetails().getTokenUri()).isEqualTo(tokenEndpoint);
				});
		}
		this.configured
			.withPropertyValues("zitadel.issuer=HTTPS://My-Instance.Zitadel.Cloud:443/",
					"zitadel.token-endpoint=https://my-instance.zitadel.cloud/oauth/v2/token")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theIssuerIsSpelledAsZitadelSpellsItWhateverThePropertySays(CapturedOutput output) {
		for (String spelling : new String[] { "HTTPS://My-Instance.Zitadel.Cloud:443/", "https://my-instance.zitadel.cloud:443",
				"https://MY-INSTANCE.zitadel.cloud" }) {
			this.configured.withPropertyValues("zitadel.issuer=" + spelling).run((context) -> {
				assertThat(context.getBean(ServiceUserAssertionSigner.class).getAudience())
					.isEqualTo("https://my-instance.zitadel.cloud");
				assertThat(registration(context).getProviderDetails().getTokenUri())
					.isEqualTo("https://my-instance.zitadel.cloud/oauth/v2/token");
			});
		}
		this.configured.withPropertyValues("zitadel.issuer=HTTP://LOCALHOST:80/")
			.run((context) -> assertThat(context.getBean(ServiceUserAssertionSigner.class).getAudience())
				.isEqualTo("http://localhost"));
		assertThat(output).contains("Calling ZITADEL at https://my-instance.zitadel.cloud as service user")
			.doesNotContain("Calling ZITADEL at HTTPS");
	}

	private static ClientRegistration registration(org.springframework.context.ApplicationContext context) {
		return ZitadelTokenFetchers.registration(ServiceUserCredential.JWT_KEY, context.getBean(ZitadelProperties.class),
				context.getBean(ServiceUserAssertionSigner.class));
	}

	@Test
	void userDefinedBeansWin() {
		this.configured.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean("zitadelWebClient")).isSameAs(UserBeans.WEB_CLIENT);
			assertThat(context.getBean("zitadelRestClient")).isSameAs(UserBeans.REST_CLIENT);
			assertThat(context.getBean(ZitadelExchangeFilterFunction.class)).isSameAs(UserBeans.FILTER);
			assertThat(context.getBean(AccessTokenFetcher.class)).isSameAs(UserBeans.FETCHER);
		});
	}

	@Test
	void anApplicationCanBringItsOwnKeyInsteadOfAKeyFile() {
		ServiceUserKey ownKey = ServiceUserKey.fromJson(user.keyJson());
		this.runner.withPropertyValues("zitadel.issuer=https://my-instance.zitadel.cloud")
			.withBean(ServiceUserKey.class, () -> ownKey)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ZitadelTokenSource.class)
				.getBean(ServiceUserAssertionSigner.class)
				.extracting(ServiceUserAssertionSigner::getKey)
				.isSameAs(ownKey));
	}

	@Test
	void withoutWebFluxTokensAreFetchedThroughTheBlockingProviderAndNoWebClientIsOffered() {
		this.configured.withClassLoader(new FilteredClassLoader(WebClient.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ZitadelTokenSource.class)
				.hasBean("zitadelRestClient")
				.doesNotHaveBean("zitadelWebClient");
			assertThat(context.getBean(AccessTokenFetcher.class).toString()).contains("blocking");
		});
	}

	@Test
	void theHealthContributorAndObservationsComeWithTheirLibraries() {
		this.configured.run((context) -> assertThat(context).hasSingleBean(ZitadelHealthIndicator.class)
			.hasSingleBean(ObservationTokenAcquisitionObserver.class)
			.hasSingleBean(ZitadelTokenMetrics.class));
	}

	@Test
	void theHealthContributorCanBeSwitchedOff() {
		this.configured.withPropertyValues("management.health.zitadel.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ZitadelHealthIndicator.class)
				.hasSingleBean(ZitadelTokenSource.class));
	}

	@Test
	void withoutActuatorOrMicrometerThereIsNoHealthNorObservation() {
		this.configured
			.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class, ObservationRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ZitadelTokenSource.class)
				.doesNotHaveBean(ZitadelHealthIndicator.class)
				.doesNotHaveBean(TokenAcquisitionObserver.class));
	}

	@Test
	void aKeyThatExpiresSoonIsWarnedAboutAtStartup(CapturedOutput output) {
		this.runner
			.withPropertyValues("zitadel.issuer=https://x.zitadel.cloud", "zitadel.service-user.key-json="
					+ user.keyJson(user.pkcs1Pem(), Instant.now().plus(Duration.ofDays(10))))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("The service user key " + TestServiceUser.KEY_ID + " expires at");
	}

	@Test
	void startupNamesTheServiceUserAndKeyButNeverTheKey(CapturedOutput output) {
		this.configured.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Calling ZITADEL at https://my-instance.zitadel.cloud as service user "
				+ TestServiceUser.USER_ID + " with key " + TestServiceUser.KEY_ID)
			.doesNotContain(user.privateKeyPemLine());
	}

	@Test
	void thePropertiesNeverShowTheKeyJson() {
		this.configured.run((context) -> assertThat(context.getBean(ZitadelProperties.class).toString())
			.contains("keyJson=******")
			.doesNotContain(user.privateKeyPemLine())
			.doesNotContain("PRIVATE KEY"));
	}

	@Test
	void aBadConfigurationEndsInSpringBootsFailureReport(CapturedOutput output) {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--zitadel.issuer=foo",
				"--zitadel.service-user.key-json=" + user.keyJson(), "--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The ZITADEL service user client cannot start: zitadel.issuer must be an absolute http(s) URL, "
					+ "was 'foo'.")
			.contains("Action:")
			.contains("Set zitadel.issuer to your instance's URL")
			.doesNotContain(user.privateKeyPemLine());
	}

	@Test
	void warnsAboutPlainHttpToAnotherMachineButNotToLoopback(CapturedOutput output) {
		this.configured.withPropertyValues("zitadel.issuer=http://localhost:8080").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain("clear text");
		});
		this.configured.withPropertyValues("zitadel.issuer=http://zitadel.example.com").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("zitadel.issuer http://zitadel.example.com uses plain http");
		});
	}

	@Test
	void readsTheKeyFromAKeyFile(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("key.json"), user.keyJson());
		this.runner
			.withPropertyValues("zitadel.issuer=https://my-instance.zitadel.cloud",
					"zitadel.service-user.key-file=file:" + file)
			.run((context) -> assertThat(context.getBean(ServiceUserKey.class).getKeyId())
				.isEqualTo(TestServiceUser.KEY_ID));
	}

	@Test
	void issuerMissing() {
		assertStartupFails(this.runner.withPropertyValues("zitadel.service-user.key-json=" + user.keyJson()),
				"zitadel.issuer", "zitadel.issuer is not set", "Set zitadel.issuer to your instance's URL");
	}

	@Test
	void issuerNotAnAbsoluteHttpUrl() {
		assertStartupFails(this.configured.withPropertyValues("zitadel.issuer=foo"), "zitadel.issuer",
				"zitadel.issuer must be an absolute http(s) URL, was 'foo'", "Set zitadel.issuer");
		assertStartupFails(this.configured.withPropertyValues("zitadel.issuer=ftp://x.zitadel.cloud"),
				"zitadel.issuer", "was 'ftp://x.zitadel.cloud'", "Set zitadel.issuer");
	}

	@Test
	void noCredential() {
		assertStartupFails(this.runner.withPropertyValues("zitadel.issuer=https://x.zitadel.cloud"),
				"zitadel.service-user", "no service user credential is set",
				"Set exactly one: a JSON key with zitadel.service-user.key-file (or key-json), which ZITADEL recommends; "
						+ "a client secret with zitadel.service-user.client-id and client-secret; or a personal access "
						+ "token with zitadel.service-user.personal-access-token");
	}

	@Test
	void moreThanOneCredential() {
		assertStartupFails(this.configured.withPropertyValues("zitadel.service-user.client-id=c",
				"zitadel.service-user.client-secret=s"), "zitadel.service-user",
				"more than one service user credential is set: a JSON key and a client secret", "Set exactly one");
		assertStartupFails(withCredentials("zitadel.service-user.client-id=c", "zitadel.service-user.client-secret=s",
				"zitadel.service-user.personal-access-token=p"), "zitadel.service-user",
				"more than one service user credential is set: a client secret and a personal access token",
				"Set exactly one");
	}

	@Test
	void aClientIdWithoutSecretOrASecretWithoutId() {
		assertStartupFails(withCredentials("zitadel.service-user.client-id=c"), "zitadel.service-user.client-secret",
				"zitadel.service-user.client-id is set but zitadel.service-user.client-secret is not", "Set both");
		assertStartupFails(withCredentials("zitadel.service-user.client-secret=s"), "zitadel.service-user.client-id",
				"zitadel.service-user.client-secret is set but zitadel.service-user.client-id is not", "Set both");
		assertStartupFails(withCredentials("zitadel.service-user.client-id=c", "zitadel.service-user.client-secret="),
				"zitadel.service-user.client-secret",
				"zitadel.service-user.client-id is set but zitadel.service-user.client-secret is empty", "Set both");
	}

	@Test
	void anEmptyPersonalAccessToken() {
		assertStartupFails(withCredentials("zitadel.service-user.personal-access-token="),
				"zitadel.service-user.personal-access-token", "zitadel.service-user.personal-access-token is empty",
				"Set it to a personal access token of the service user");
	}

	@Test
	void eachCredentialGivesTheSameClientsAndNamesItsPrincipalButNoSecret(CapturedOutput output) {
		withCredentials("zitadel.service-user.client-id=client-7", "zitadel.service-user.client-secret=very-secret")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("zitadelWebClient")
				.hasBean("zitadelRestClient")
				.hasSingleBean(ZitadelTokenSource.class)
				.hasSingleBean(ZitadelHealthIndicator.class)
				.doesNotHaveBean(ServiceUserKey.class));
		withCredentials("zitadel.service-user.personal-access-token=pat-secret")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("zitadelWebClient")
				.hasBean("zitadelRestClient")
				.hasSingleBean(ZitadelHealthIndicator.class)
				.doesNotHaveBean(ServiceUserKey.class));
		assertThat(output).contains("Calling ZITADEL at https://x.zitadel.cloud as client client-7 with a client secret")
			.contains("Calling ZITADEL at https://x.zitadel.cloud as the service user of a personal access token")
			.doesNotContain("very-secret")
			.doesNotContain("pat-secret");
	}

	@Test
	void thePropertiesNeverShowTheClientSecretOrPersonalAccessToken() {
		ZitadelProperties properties = new ZitadelProperties();
		properties.getServiceUser().setClientId("client-7");
		properties.getServiceUser().setClientSecret("very-secret");
		properties.getServiceUser().setPersonalAccessToken("pat-secret");
		assertThat(properties.toString()).contains("clientId=client-7")
			.contains("clientSecret=******")
			.contains("personalAccessToken=******")
			.doesNotContain("very-secret")
			.doesNotContain("pat-secret");
	}

	private ApplicationContextRunner withCredentials(String... properties) {
		return this.runner.withPropertyValues("zitadel.issuer=https://x.zitadel.cloud").withPropertyValues(properties);
	}

	@Test
	void bothKeyFileAndKeyJson() {
		assertStartupFails(this.configured.withPropertyValues("zitadel.service-user.key-file=file:/tmp/key.json"),
				"zitadel.service-user", "both zitadel.service-user.key-file and zitadel.service-user.key-json",
				"Set exactly one of them");
	}

	@Test
	void keyFileNotFound(@TempDir Path dir) {
		assertStartupFails(
				this.runner.withPropertyValues("zitadel.issuer=https://x.zitadel.cloud",
						"zitadel.service-user.key-file=file:" + dir.resolve("missing.json")),
				"zitadel.service-user.key-file", "missing.json], which does not exist",
				"Set it to the location of the service user's JSON key");
	}

	@Test
	void aKeyFileGivenAsAPlainPathGetsAHintToPrefixFile(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("key.json"), user.keyJson());
		assertStartupFails(
				this.runner.withPropertyValues("zitadel.issuer=https://x.zitadel.cloud",
						"zitadel.service-user.key-file=" + file),
				"zitadel.service-user.key-file", "which does not exist",
				"prefix it with file: (file:" + file + ")");
	}

	@Test
	void keyFileUnreadable(@TempDir Path dir) {
		assertStartupFails(
				this.runner.withPropertyValues("zitadel.issuer=https://x.zitadel.cloud",
						"zitadel.service-user.key-file=file:" + dir),
				"zitadel.service-user.key-file", "which cannot be read", "Make the file readable");
	}

	@Test
	void keyNotJson() {
		assertStartupFails(withKeyJson(user.pkcs1Pem()), "zitadel.service-user.key-json",
				"zitadel.service-user.key-json is not a usable service user key: The service user key is not a JSON object",
				"Download a new JSON key");
	}

	@Test
	void keyWithoutKeyIdUserIdOrKey() {
		for (String field : new String[] { "keyId", "userId", "key" }) {
			assertStartupFails(withKeyJson(user.keyJson().replace("\"" + field + "\"", "\"x\"")),
					"zitadel.service-user.key-json", "has no '" + field + "'", "Use the JSON key file exactly as");
		}
	}

	@Test
	void keyThatIsNotAnRsaPrivateKey() {
		assertStartupFails(withKeyJson(user.keyJson(user.publicKeyPem(), Instant.now().plusSeconds(60))),
				"zitadel.service-user.key-json", "must hold an RSA private key in PEM", "Download a new JSON key");
		assertStartupFails(withKeyJson(user.keyJson("garbage", Instant.now().plusSeconds(60))),
				"zitadel.service-user.key-json", "no private key it could read", "Download a new JSON key");
		assertStartupFails(
				withKeyJson(user.keyJson("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----",
						Instant.now().plusSeconds(60))),
				"zitadel.service-user.key-json", "it is encrypted", "decrypt it first");
	}

	@Test
	void applicationKey() {
		String json = "{\"type\":\"application\",\"keyId\":\"1\",\"key\":\"" + user.pkcs1Pem().replace("\n", "\\n")
				+ "\",\"appId\":\"2\",\"clientId\":\"3\"}";
		assertStartupFails(withKeyJson(json), "zitadel.service-user.key-json",
				"it is an application (API or OIDC app) key", "Use a key of a service user instead");
	}

	@Test
	void expiredKey() {
		assertStartupFails(withKeyJson(user.keyJson(user.pkcs1Pem(), Instant.parse("2020-01-01T00:00:00Z"))),
				"zitadel.service-user.key-json", "expired at 2020-01-01T00:00:00Z; ZITADEL no longer accepts it",
				"Add a new JSON key");
	}

	private ApplicationContextRunner withKeyJson(String json) {
		return this.runner.withPropertyValues("zitadel.issuer=https://x.zitadel.cloud",
				"zitadel.service-user.key-json=" + json);
	}

	private void assertStartupFails(ApplicationContextRunner runner, String property, String description,
			String action) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			InvalidZitadelConfigurationException cause = findCause(failure);
			assertThat(cause.getProperty()).isEqualTo(property);
			assertThat(cause.getMessage()).contains(description).contains(action);
			FailureAnalysis analysis = new InvalidZitadelConfigurationFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains(description);
			assertThat(analysis.getAction()).contains(action);
			assertThat(stackTrace(failure)).doesNotContain(user.privateKeyPemLine());
		});
	}

	private static InvalidZitadelConfigurationException findCause(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof InvalidZitadelConfigurationException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("No InvalidZitadelConfigurationException in " + failure);
	}

	private static String stackTrace(Throwable failure) {
		java.io.StringWriter writer = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(writer));
		return writer.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ZitadelAutoConfiguration.class)
	static class EmptyApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final WebClient WEB_CLIENT = WebClient.create();

		static final AccessTokenFetcher FETCHER = reactor.core.publisher.Mono::empty;

		static final RestClient REST_CLIENT = RestClient.create();

		static final ZitadelExchangeFilterFunction FILTER = new ZitadelExchangeFilterFunction(
				new ZitadelTokenSource(FETCHER,
						new TokenRequestRetry(1, 1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)),
						Clock.systemUTC()),
				new ZitadelRequestHeaders("1"), new ZitadelOrigins(URI.create("https://x.zitadel.cloud"), List.of()));

		@Bean
		WebClient zitadelWebClient() {
			return WEB_CLIENT;
		}

		@Bean
		RestClient zitadelRestClient() {
			return REST_CLIENT;
		}

		@Bean
		ZitadelExchangeFilterFunction myFilter() {
			return FILTER;
		}

		@Bean
		AccessTokenFetcher myFetcher() {
			return FETCHER;
		}

	}

}
