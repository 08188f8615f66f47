package io.github.zitadelstarter.test.context;

import java.util.List;

import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ServiceUserCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The local ZITADEL of a context stops with it, whether the context closes or fails to
 * start; at development time it runs with the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalZitadelLifecycleTests {

	@Test
	void stopsWhenTheContextCloses() {
		GenericApplicationContext context = new GenericApplicationContext();
		new LocalZitadelContextCustomizer(ServiceUserCredential.KEY, null).customizeContext(context, null);
		context.refresh();
		LocalZitadel zitadel = context.getBean(LocalZitadel.class);
		assertThat(zitadel.isUp()).isTrue();
		context.close();
		assertThat(zitadel.isUp()).isFalse();
	}

	@Test
	void stopsWhenTheContextFailsToStart() {
		GenericApplicationContext context = new GenericApplicationContext();
		new LocalZitadelContextCustomizer(ServiceUserCredential.KEY, null).customizeContext(context, null);
		LocalZitadel zitadel = (LocalZitadel) context.getDefaultListableBeanFactory()
			.getSingleton(EnableLocalZitadel.BEAN_NAME);
		context.registerBean("failing", String.class, () -> {
			throw new IllegalStateException("boom");
		});
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh);
		assertThat(zitadel.isUp()).isFalse();
	}

	@Test
	void customizersAreEqualForEqualSettings() {
		assertThat(new LocalZitadelContextCustomizer(ServiceUserCredential.KEY, null))
			.isEqualTo(new LocalZitadelContextCustomizer(ServiceUserCredential.KEY, null))
			.isNotEqualTo(new LocalZitadelContextCustomizer(ServiceUserCredential.CLIENT_SECRET, null));
		assertThat(new LocalZitadelContextCustomizerFactory().createContextCustomizer(String.class, List.of())).isNull();
	}

	@Test
	void developmentRunHandsTheConnectionToTheApplicationAndStopsWithIt(CapturedOutput output) {
		LocalZitadel zitadel = LocalZitadel.start();
		LocalZitadelApplication.run(DevelopmentApplication::main, zitadel, "--spring.main.web-application-type=none",
				"--zitadel.issuer=https://overridden.example");
		ConfigurableApplicationContext context = DevelopmentApplication.context;
		assertThat(context.getEnvironment().getProperty("zitadel.issuer")).isEqualTo(zitadel.issuer());
		assertThat(context.getEnvironment().getProperty("zitadel.service-user.key-json")).isEqualTo(zitadel.keyJson());
		assertThat(context.getBean(EnableLocalZitadel.BEAN_NAME)).isSameAs(zitadel);
		assertThat(output).contains("This is a LOCAL STAND-IN for ZITADEL, not a real ZITADEL.")
			.contains("issuer: " + zitadel.issuer());
		context.close();
		assertThat(zitadel.isUp()).isFalse();
	}

	@SpringBootConfiguration
	static class DevelopmentApplication {

		static ConfigurableApplicationContext context;

		@Bean
		String something() {
			return "something";
		}

		public static void main(String[] args) {
			context = SpringApplication.run(DevelopmentApplication.class, args);
		}

	}

}
