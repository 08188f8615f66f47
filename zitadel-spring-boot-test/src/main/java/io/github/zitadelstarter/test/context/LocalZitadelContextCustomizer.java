package io.github.zitadelstarter.test.context;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Objects;

import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ServiceUserCredential;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts one {@link LocalZitadel} for a test's application context, hands its connection to
 * the starter, registers it as a bean and stops it with the context. Equal for equal
 * settings, so that Spring's test context cache shares the context.
 */
final class LocalZitadelContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "localZitadel";

	private final ServiceUserCredential credential;

	private final @Nullable Duration accessTokenLifetime;

	private final LocalResourceServer resourceServer;

	LocalZitadelContextCustomizer(ServiceUserCredential credential, @Nullable Duration accessTokenLifetime) {
		this(credential, accessTokenLifetime, LocalResourceServer.NONE);
	}

	LocalZitadelContextCustomizer(ServiceUserCredential credential, @Nullable Duration accessTokenLifetime,
			LocalResourceServer resourceServer) {
		this.credential = credential;
		this.accessTokenLifetime = accessTokenLifetime;
		this.resourceServer = resourceServer;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		LocalZitadel.Builder builder = LocalZitadel.builder();
		if (this.accessTokenLifetime != null) {
			builder.accessTokenLifetime(this.accessTokenLifetime);
		}
		LocalZitadel zitadel = builder.start();
		register(context, zitadel, this.credential, this.resourceServer);
	}

	/** Hands the local ZITADEL's connection to a context that is being prepared. */
	static void register(ConfigurableApplicationContext context, LocalZitadel zitadel,
			ServiceUserCredential credential, LocalResourceServer resourceServer) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties(zitadel, credential, resourceServer)));
		registerBean(context, zitadel);
	}

	static LinkedHashMap<String, Object> properties(LocalZitadel zitadel, ServiceUserCredential credential,
			LocalResourceServer resourceServer) {
		LinkedHashMap<String, Object> properties = new LinkedHashMap<>(zitadel.properties(credential));
		properties.putAll(zitadel.resourceServerProperties(resourceServer));
		return properties;
	}

	/** Registers the local ZITADEL as a bean that stops with the context. */
	static void registerBean(ConfigurableApplicationContext context, LocalZitadel zitadel) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(EnableLocalZitadel.BEAN_NAME, zitadel);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			// Also when the context fails to start, which publishes no ContextClosedEvent.
			registry.registerDisposableBean(EnableLocalZitadel.BEAN_NAME, zitadel::close);
		}
		else {
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> zitadel.close());
		}
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof LocalZitadelContextCustomizer that) && this.credential == that.credential
				&& Objects.equals(this.accessTokenLifetime, that.accessTokenLifetime)
				&& this.resourceServer == that.resourceServer;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.credential, this.accessTokenLifetime, this.resourceServer);
	}

}
