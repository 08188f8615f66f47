package io.github.zitadelstarter.autoconfigure;

import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.zitadelstarter.api.ReactiveZitadelClients;
import io.github.zitadelstarter.api.ZitadelApiCatalog;
import io.github.zitadelstarter.api.ZitadelClients;
import io.github.zitadelstarter.api.authorization.AuthorizationServiceClient;
import io.github.zitadelstarter.api.authorization.ReactiveAuthorizationServiceClient;
import io.github.zitadelstarter.api.organization.OrganizationServiceClient;
import io.github.zitadelstarter.api.organization.ReactiveOrganizationServiceClient;
import io.github.zitadelstarter.api.project.ProjectServiceClient;
import io.github.zitadelstarter.api.project.ReactiveProjectServiceClient;
import io.github.zitadelstarter.api.session.ReactiveSessionServiceClient;
import io.github.zitadelstarter.api.session.SessionServiceClient;
import io.github.zitadelstarter.api.settings.ReactiveSettingsServiceClient;
import io.github.zitadelstarter.api.settings.SettingsServiceClient;
import io.github.zitadelstarter.api.user.ReactiveUserServiceClient;
import io.github.zitadelstarter.api.user.UserServiceClient;

/**
 * Auto-configuration of the typed clients of ZITADEL's v2 services: the blocking ones over the
 * {@code zitadelRestClient}, the reactive ones over the {@code zitadelWebClient}, each
 * injectable by its own type. An application's own bean of a client type wins.
 */
@AutoConfiguration(after = { ZitadelRestClientAutoConfiguration.class, ZitadelWebClientAutoConfiguration.class })
@ConditionalOnClass(JsonMapper.class)
@ImportRuntimeHints(ZitadelApiClientsAutoConfiguration.TypedClientHints.class)
public final class ZitadelApiClientsAutoConfiguration {

	/**
	 * The typed client interfaces, blocking and reactive, of every generated service (those with
	 * a bean and those an application makes with {@code ZitadelClients.client(...)}).
	 */
	static final List<Class<?>> CLIENT_TYPES = ZitadelApiCatalog.SERVICES.stream()
		.flatMap((service) -> Stream.of(service.client(), service.reactiveClient()))
		.toList();

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	@ConditionalOnBean(name = "zitadelRestClient")
	static class BlockingClientsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ZitadelClients zitadelClients(@Qualifier("zitadelRestClient") RestClient zitadelRestClient) {
			return ZitadelClients.over(zitadelRestClient);
		}

		@Bean
		@ConditionalOnMissingBean
		UserServiceClient userServiceClient(ZitadelClients clients) {
			return clients.users();
		}

		@Bean
		@ConditionalOnMissingBean
		OrganizationServiceClient organizationServiceClient(ZitadelClients clients) {
			return clients.organizations();
		}

		@Bean
		@ConditionalOnMissingBean
		ProjectServiceClient projectServiceClient(ZitadelClients clients) {
			return clients.projects();
		}

		@Bean
		@ConditionalOnMissingBean
		AuthorizationServiceClient authorizationServiceClient(ZitadelClients clients) {
			return clients.authorizations();
		}

		@Bean
		@ConditionalOnMissingBean
		SessionServiceClient sessionServiceClient(ZitadelClients clients) {
			return clients.sessions();
		}

		@Bean
		@ConditionalOnMissingBean
		SettingsServiceClient settingsServiceClient(ZitadelClients clients) {
			return clients.settings();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	@ConditionalOnBean(name = "zitadelWebClient")
	static class ReactiveClientsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveZitadelClients reactiveZitadelClients(@Qualifier("zitadelWebClient") WebClient zitadelWebClient) {
			return ReactiveZitadelClients.over(zitadelWebClient);
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveUserServiceClient reactiveUserServiceClient(ReactiveZitadelClients clients) {
			return clients.users();
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveOrganizationServiceClient reactiveOrganizationServiceClient(ReactiveZitadelClients clients) {
			return clients.organizations();
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveProjectServiceClient reactiveProjectServiceClient(ReactiveZitadelClients clients) {
			return clients.projects();
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveAuthorizationServiceClient reactiveAuthorizationServiceClient(ReactiveZitadelClients clients) {
			return clients.authorizations();
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveSessionServiceClient reactiveSessionServiceClient(ReactiveZitadelClients clients) {
			return clients.sessions();
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveSettingsServiceClient reactiveSettingsServiceClient(ReactiveZitadelClients clients) {
			return clients.settings();
		}

	}

	/**
	 * What a native image needs for the typed clients: their JDK proxies, which
	 * {@code HttpServiceProxyFactory} creates at run time, and reflection on the records that
	 * Jackson binds their requests and responses to.
	 */
	static class TypedClientHints implements RuntimeHintsRegistrar {

		private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			for (Class<?> type : CLIENT_TYPES) {
				hints.proxies().registerJdkProxy(AopProxyUtils.completeJdkProxyInterfaces(type));
				for (Method method : type.getDeclaredMethods()) {
					this.bindings.registerReflectionHints(hints.reflection(), method.getGenericReturnType());
					this.bindings.registerReflectionHints(hints.reflection(), method.getGenericParameterTypes());
				}
			}
		}

	}

}
