package io.github.zitadelstarter.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.zitadelstarter.resourceserver.ZitadelPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's own API: greets the ZITADEL user whose token the request carries.
 */
@RestController
class GreetingController {

	@GetMapping(path = "/api/greeting", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, Object>> greeting(Authentication authentication) {
		ZitadelPrincipal user = ZitadelPrincipal.from(authentication);
		Map<String, Object> greeting = new LinkedHashMap<>();
		greeting.put("greeting", "Hello, " + user.getUserId() + "!");
		greeting.put("userId", user.getUserId());
		greeting.put("organizationId", user.getOrganizationId());
		greeting.put("roles", user.getRoles().getRoleNames());
		return Mono.just(greeting);
	}

}
