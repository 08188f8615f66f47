package io.github.zitadelstarter.sample;

import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.organization.Organization;
import io.github.zitadelstarter.api.user.User;
import io.github.zitadelstarter.token.ZitadelTokenException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Passes on what ZITADEL says about the service user, its organization and the users it can
 * see.
 */
@RestController
class ZitadelController {

	private final ServiceUser serviceUser;

	private final UserDirectory directory;

	ZitadelController(ServiceUser serviceUser, UserDirectory directory) {
		this.serviceUser = serviceUser;
		this.directory = directory;
	}

	@GetMapping(path = "/me", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<User> me() {
		return this.serviceUser.user();
	}

	@GetMapping(path = "/org", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Organization> organization() {
		return this.serviceUser.organization();
	}

	@GetMapping(path = "/users", produces = MediaType.APPLICATION_JSON_VALUE)
	Flux<User> users(@RequestParam(defaultValue = "") String userName) {
		return this.directory.search(userName);
	}

	@GetMapping(path = "/users/{userId}/name", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> displayName(@PathVariable String userId) {
		return this.directory.displayName(userId);
	}

	/** ZITADEL refused a call: this application is a gateway whose upstream failed. */
	@ExceptionHandler
	ProblemDetail zitadelRefused(ZitadelApiException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setProperty("zitadelCode", ex.getCode().connectName());
		problem.setProperty("rpc", ex.getRpc());
		return problem;
	}

	/** ZITADEL answered OpenID Connect's userinfo with an error. */
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
