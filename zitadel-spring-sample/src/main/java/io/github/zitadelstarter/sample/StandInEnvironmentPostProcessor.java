package io.github.zitadelstarter.sample;

import java.util.Map;

import io.github.zitadelstarter.sample.standin.ZitadelStandIn;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the local ZITADEL stand-in and points the starter at it when no
 * {@code zitadel.issuer} is configured; a configured issuer (such as {@code ZITADEL_ISSUER})
 * is used as it is, and no stand-in is started.
 */
class StandInEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private final Log logger;

	/** Logging is not set up yet when this runs: the deferred log prints once it is. */
	StandInEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(StandInEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("zitadel.issuer")
				|| !environment.getProperty("sample.stand-in.enabled", Boolean.class, true)) {
			return;
		}
		ZitadelStandIn standIn = ZitadelStandIn.start();
		this.logger.warn(standIn.notice());
		environment.getPropertySources()
			.addLast(new MapPropertySource("zitadelStandIn", Map.of("zitadel.issuer", standIn.issuer(),
					"zitadel.service-user.key-json", standIn.serviceUserKeyJson())));
		application.addListeners((ApplicationListener<ContextClosedEvent>) (event) -> standIn.close());
	}

	/** After the application's own configuration is loaded, so that it can name an issuer. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
