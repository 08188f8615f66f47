package io.github.zitadelstarter.autoconfigure;

import java.time.Clock;

import io.github.zitadelstarter.assertion.ZitadelClock;
import io.github.zitadelstarter.observation.ObservationIntrospectionObserver;
import io.github.zitadelstarter.observation.ObservationTokenAcquisitionObserver;
import io.github.zitadelstarter.observation.ZitadelTokenMetrics;
import io.github.zitadelstarter.resourceserver.IntrospectionObserver;
import io.github.zitadelstarter.token.TokenAcquisitionObserver;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of Micrometer observations of token acquisition
 * ({@value ObservationTokenAcquisitionObserver#NAME}) and of the gauge
 * {@value ZitadelTokenMetrics#EXPIRY}, when Micrometer is on the classpath; and of users'
 * token introspections ({@value ObservationIntrospectionObserver#NAME}) when the application
 * checks its users' tokens.
 */
@AutoConfiguration(after = ZitadelAutoConfiguration.class)
@ConditionalOnClass(ObservationRegistry.class)
public final class ZitadelObservationAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ZitadelTokenSource.class)
	static class TokenConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenAcquisitionObserver zitadelTokenAcquisitionObserver(ObjectProvider<ObservationRegistry> registry) {
			return new ObservationTokenAcquisitionObserver(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class MetricsConfiguration {

			@Bean
			@ConditionalOnMissingBean
			ZitadelTokenMetrics zitadelTokenMetrics(ZitadelTokenSource tokenSource,
					@Qualifier("zitadelClock") ObjectProvider<ZitadelClock> zitadelClock) {
				return new ZitadelTokenMetrics(tokenSource, Clock.systemUTC(), zitadelClock.getIfAvailable());
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnResourceServerCondition.Introspection.class)
	static class IntrospectionConfiguration {

		@Bean
		@ConditionalOnMissingBean
		IntrospectionObserver zitadelIntrospectionObserver(ObjectProvider<ObservationRegistry> registry) {
			return new ObservationIntrospectionObserver(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
		}

	}

}
