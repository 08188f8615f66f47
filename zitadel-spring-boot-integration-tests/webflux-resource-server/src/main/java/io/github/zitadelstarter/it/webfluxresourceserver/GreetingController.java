package io.github.zitadelstarter.it.webfluxresourceserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.zitadelstarter.resourceserver.ZitadelPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's own API, answering with what it knows of the caller.
 */
@RestController
class GreetingController {

	@GetMapping("/api/greeting")
	Mono<Map<String, Object>> greeting(Authentication authentication) {
		ZitadelPrincipal user = ZitadelPrincipal.from(authentication);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("userId", user.getUserId());
		answer.put("organizationId", user.getOrganizationId());
		answer.put("roles", user.getRoles().getRoleNames());
		answer.put("authorities", authentication.getAuthorities().stream().map(Object::toString).sorted().toList());
		return Mono.just(answer);
	}

	@GetMapping("/api/billing/invoices")
	Mono<Map<String, Object>> invoices() {
		return Mono.just(Map.of("invoices", List.of()));
	}

	@GetMapping("/api/organizations/{organizationId}/report")
	@PreAuthorize("@zitadelRoles.hasRoleInOrganization(authentication, 'admin', #organizationId)")
	Mono<Map<String, Object>> report(@PathVariable String organizationId) {
		return Mono.just(Map.of("organizationId", organizationId, "report", "ok"));
	}

}
