package io.github.zitadelstarter.autoconfigure;

import java.util.Map;

import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application that uses what the starter provides while the starter is switched off fails
 * to start with one message that says so, why, and which property to set; no request leaves
 * unauthenticated for a default host.
 */
@ExtendWith(OutputCaptureExtension.class)
class SwitchedOffStarterTests {

	@Test
	void injectingTheWebClientWithoutAnyZitadelConfigurationSaysTheStarterIsOff(CapturedOutput output) {
		assertStartupFails(UsesWebClient.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The application uses the zitadelWebClient, but the ZITADEL starter is switched off: neither "
					+ "zitadel.issuer nor a service user credential (zitadel.service-user.*) is set.")
			.contains("Set zitadel.issuer to your instance's URL and a service user credential");
	}

	@Test
	void injectingTheRestClientWhileDisabledSaysSo(CapturedOutput output) {
		assertStartupFails(UsesRestClient.class, "--zitadel.enabled=false", "--zitadel.issuer=https://x.zitadel.cloud");
		assertThat(output).contains("The application uses the zitadelRestClient, but the ZITADEL starter is switched "
				+ "off: zitadel.enabled is false.").contains("Remove zitadel.enabled=false");
	}

	@Test
	void injectingTheTokenSourceWithoutConfigurationSaysTheStarterIsOff(CapturedOutput output) {
		assertStartupFails(UsesTokenSource.class);
		assertThat(output).contains("The application uses a ZitadelTokenSource of the ZITADEL starter, but the ZITADEL "
				+ "starter is switched off");
	}

	@Test
	void importingTheZitadelHttpServiceGroupWithoutConfigurationFailsInsteadOfCallingADefaultHost(
			CapturedOutput output) {
		assertStartupFails(ImportsZitadelGroup.class);
		assertThat(output).contains("The application uses the HTTP service group 'zitadel', but the ZITADEL starter "
				+ "is switched off: neither zitadel.issuer nor a service user credential").contains("Set zitadel.issuer");
	}

	private static void assertStartupFails(Class<?> application, String... args) {
		SpringApplication app = new SpringApplication(application);
		app.setWebApplicationType(WebApplicationType.NONE);
		String[] allArgs = new String[args.length + 1];
		System.arraycopy(args, 0, allArgs, 0, args.length);
		allArgs[args.length] = "--spring.main.banner-mode=off";
		assertThatException().isThrownBy(() -> app.run(allArgs).close());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class UsesWebClient {

		@Bean
		String caller(@Qualifier("zitadelWebClient") WebClient zitadel) {
			return "caller";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class UsesRestClient {

		@Bean
		String caller(@Qualifier("zitadelRestClient") RestClient zitadel) {
			return "caller";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class UsesTokenSource {

		@Bean
		String caller(ZitadelTokenSource tokenSource) {
			return "caller";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ImportHttpServices(group = "zitadel", types = ZitadelApi.class)
	static class ImportsZitadelGroup {

	}

	interface ZitadelApi {

		@GetExchange("/auth/v1/users/me")
		Map<String, Object> me();

	}

}
