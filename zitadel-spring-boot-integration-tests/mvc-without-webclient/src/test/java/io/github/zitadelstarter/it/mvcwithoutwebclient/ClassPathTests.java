package io.github.zitadelstarter.it.mvcwithoutwebclient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars that this application excluded or never asked for are really absent, so that the
 * other tests show the starter working without them (see also the enforcer rule in the pom), and
 * Apache HttpClient, which it asked for, is there.
 */
class ClassPathTests {

	@ParameterizedTest
	@ValueSource(strings = {
			// spring-webflux
			"org.springframework.web.reactive.function.client.WebClient",
			// reactor-netty-http
			"reactor.netty.http.client.HttpClient",
			// spring-boot-webclient
			"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
			// spring-boot-restclient
			"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
			// spring-boot-actuator
			"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
			// spring-boot-health
			"org.springframework.boot.health.contributor.HealthIndicator",
			// micrometer-core
			"io.micrometer.core.instrument.MeterRegistry" })
	void classIsAbsent(String className) {
		assertThat(ClassUtils.isPresent(className, null)).isFalse();
	}

	@Test
	void apacheHttpClientIsPresentSoBootBuildsTheClientsOnIt() {
		assertThat(ClassUtils.isPresent("org.apache.hc.client5.http.classic.HttpClient", null)).isTrue();
	}

}
