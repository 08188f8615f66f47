package io.github.zitadelstarter.autoconfigure;

import java.text.ParseException;
import java.time.Clock;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.zitadelstarter.health.ZitadelResourceServerHealthIndicator;
import io.github.zitadelstarter.health.ZitadelResourceServerHealthIndicator.Check;
import io.github.zitadelstarter.resourceserver.ZitadelJwtDecoders;
import io.github.zitadelstarter.resourceserver.ZitadelOpaqueTokenIntrospector;
import io.github.zitadelstarter.resourceserver.ZitadelReactiveOpaqueTokenIntrospector;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestTemplate;

/**
 * The health check of the starter's resource server: its JWKS fetched, or its introspection
 * asked about a token ZITADEL never issued, with the same HTTP client setup as the real
 * requests. Kept apart so that the resource server's types are loaded only when present.
 */
final class ResourceServerHealthChecks {

	private static final String RESOURCE_SERVER = "org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken";

	private ResourceServerHealthChecks() {
	}

	/**
	 * The check of the starter's resource server, if the application checks its users'
	 * tokens with the starter's decoder or introspector (an application's own is not the
	 * starter's to check).
	 */
	static @Nullable ZitadelResourceServerHealthIndicator of(BeanFactory beanFactory, ZitadelProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		if (!ClassUtils.isPresent(RESOURCE_SERVER, null)) {
			return null;
		}
		Check check = Probes.check(beanFactory, properties,
				() -> ZitadelResourceServerAutoConfiguration.restTemplate(properties, requestFactoryBuilder,
						httpClientSettings, sslBundles));
		if (check == null) {
			return null;
		}
		ZitadelProperties.Health health = properties.getHealth();
		return new ZitadelResourceServerHealthIndicator(ZitadelResourceServerAutoConfiguration.issuer(properties),
				check, health.getTimeout(), health.getMaxAge(), Clock.systemUTC());
	}

	private static final class Probes {

		static @Nullable Check check(BeanFactory beanFactory, ZitadelProperties properties,
				Supplier<RestTemplate> restTemplate) {
			String issuer = ZitadelResourceServerAutoConfiguration.issuer(properties);
			String introspection = issuer + "/oauth/v2/introspect";
			if (beanFactory.getBeanProvider(OpaqueTokenIntrospector.class)
				.getIfUnique() instanceof ZitadelOpaqueTokenIntrospector introspector) {
				return new Check("introspection", introspection, () -> Mono.fromRunnable(introspector::probe)
					.subscribeOn(Schedulers.boundedElastic()));
			}
			if (beanFactory.getBeanProvider(ReactiveOpaqueTokenIntrospector.class)
				.getIfUnique() instanceof ZitadelReactiveOpaqueTokenIntrospector introspector) {
				return new Check("introspection", introspection, introspector::probe);
			}
			if (beanFactory.containsBean("zitadelJwtDecoder") || beanFactory.containsBean("zitadelReactiveJwtDecoder")) {
				String jwkSetUri = ZitadelJwtDecoders.jwkSetUri(issuer);
				RestTemplate client = restTemplate.get();
				return new Check("jwt", jwkSetUri, () -> Mono.fromCallable(() -> keys(client, jwkSetUri))
					.subscribeOn(Schedulers.boundedElastic()));
			}
			return null;
		}

		/** The JWKS, which must have a key to check tokens with. */
		private static int keys(RestTemplate client, String jwkSetUri) throws ParseException {
			String body = client.getForObject(jwkSetUri, String.class);
			int keys = (body != null) ? JWKSet.parse(body).getKeys().size() : 0;
			if (keys == 0) {
				throw new IllegalStateException("ZITADEL's JWKS at " + jwkSetUri + " has no keys");
			}
			return keys;
		}

	}

}
