package io.github.zitadelstarter.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.zitadelstarter.api.ReactiveZitadelClients;
import io.github.zitadelstarter.api.ZitadelClients;
import io.github.zitadelstarter.api.authorization.AuthorizationServiceClient;
import io.github.zitadelstarter.api.authorization.ReactiveAuthorizationServiceClient;
import io.github.zitadelstarter.api.organization.OrganizationServiceClient;
import io.github.zitadelstarter.api.organization.ReactiveOrganizationServiceClient;
import io.github.zitadelstarter.api.project.ProjectServiceClient;
import io.github.zitadelstarter.api.project.ReactiveProjectServiceClient;
import io.github.zitadelstarter.api.user.ReactiveUserServiceClient;
import io.github.zitadelstarter.api.user.UserServiceClient;

/**
 * Auto-configuration of the typed clients of ZITADEL's v2 services: the blocking ones over the
 * {@code zitadelRestClient}, the reactive ones over the {@code zitadelWebClient}, each
 * injectable by its own type. An application's own bean of a client type wins.
 */
@AutoConfiguration(after = { ZitadelRestClientAutoConfiguration.class, ZitadelWebClientAutoConfiguration.class })
@ConditionalOnClass(JsonMapper.class)
public final class ZitadelApiClientsAutoConfiguration {

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

	}

}
