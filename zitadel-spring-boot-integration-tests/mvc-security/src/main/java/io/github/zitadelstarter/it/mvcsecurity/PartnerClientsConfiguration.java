package io.github.zitadelstarter.it.mvcsecurity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The application's own clients for its partner's API, injected by type wherever it needs
 * them.
 */
@Configuration(proxyBeanMethods = false)
class PartnerClientsConfiguration {

	@Bean
	RestClient appRestClient(RestClient.Builder builder, @Value("${partner.base-url}") String baseUrl) {
		return builder.baseUrl(baseUrl).defaultHeader("X-Client", "app-rest-client").build();
	}

	@Bean
	WebClient appWebClient(WebClient.Builder builder, @Value("${partner.base-url}") String baseUrl) {
		return builder.baseUrl(baseUrl).defaultHeader("X-Client", "app-web-client").build();
	}

}
