package io.github.zitadelstarter.sample;

import java.util.Map;

import io.github.zitadelstarter.token.ZitadelTokenException;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Passes on what ZITADEL says about the service user, its organization and the
 * organization's users.
 */
@RestController
class ZitadelController {

	private final WebClient zitadel;

	private final UserDirectory directory;

	ZitadelController(@Qualifier("zitadelWebClient") WebClient zitadel, UserDirectory directory) {
		this.zitadel = zitadel;
		this.directory = directory;
	}

	@GetMapping(path = "/me", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> me() {
		return this.zitadel.get().uri("/auth/v1/users/me").retrieve().bodyToMono(String.class);
	}

	@GetMapping(path = "/org", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> organization() {
		return this.zitadel.get().uri("/management/v1/orgs/me").retrieve().bodyToMono(String.class);
	}

	@GetMapping(path = "/users", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> users() {
		return this.zitadel.post()
			.uri("/management/v1/users/_search")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.retrieve()
			.bodyToMono(String.class);
	}

	@GetMapping(path = "/users/{userId}/name", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> displayName(@PathVariable String userId) {
		return this.directory.displayName(userId);
	}

	/** ZITADEL answered with an error: this application is a gateway whose upstream failed. */
	@ExceptionHandler
	ProblemDetail zitadelRefused(WebClientResponseException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"ZITADEL answered " + ex.getStatusCode().value() + ": " + ex.getResponseBodyAsString());
		problem.setProperty("zitadelStatus", ex.getStatusCode().value());
		return problem;
	}

	/** No access token could be had, or ZITADEL could not be reached. */
	@ExceptionHandler({ ZitadelTokenException.class, WebClientRequestException.class,
			UserDirectory.UnavailableException.class })
	ProblemDetail zitadelUnavailable(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

}
