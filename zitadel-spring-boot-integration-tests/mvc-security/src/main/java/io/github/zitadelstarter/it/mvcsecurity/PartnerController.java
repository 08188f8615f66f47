package io.github.zitadelstarter.it.mvcsecurity;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Calls the partner's API with the application's own clients.
 */
@RestController
class PartnerController {

	private final RestClient restClient;

	private final WebClient webClient;

	PartnerController(RestClient restClient, WebClient webClient) {
		this.restClient = restClient;
		this.webClient = webClient;
	}

	@GetMapping("/partner/rest-client")
	String throughRestClient() {
		return this.restClient.get().uri("/api/hello").retrieve().body(String.class);
	}

	@GetMapping("/partner/web-client")
	String throughWebClient() {
		return this.webClient.get().uri("/api/hello").retrieve().bodyToMono(String.class).block();
	}

	@GetMapping("/partner/orders")
	String orders(@RegisteredOAuth2AuthorizedClient("partner") OAuth2AuthorizedClient partner) {
		return this.restClient.get()
			.uri("/api/orders")
			.headers((headers) -> headers.setBearerAuth(partner.getAccessToken().getTokenValue()))
			.retrieve()
			.body(String.class);
	}

}
