package io.github.zitadelstarter.sample;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Once the application is up, asks ZITADEL who the service user is and logs it: the proof
 * that authentication works end to end.
 */
@Component
class AuthenticationReport {

	private static final Log logger = LogFactory.getLog(AuthenticationReport.class);

	private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> JSON = new ParameterizedTypeReference<>() {
	};

	private final WebClient zitadel;

	private final String issuer;

	AuthenticationReport(@Qualifier("zitadelWebClient") WebClient zitadel,
			Environment environment) {
		this.zitadel = zitadel;
		this.issuer = environment.getProperty("zitadel.issuer", "");
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		Mono.zip(get("/auth/v1/users/me", "user"), get("/management/v1/orgs/me", "org"))
			.subscribe((userAndOrg) -> logger.info("Authenticated to ZITADEL at " + this.issuer + " as "
					+ userAndOrg.getT1().get("userName") + " (" + userAndOrg.getT1().get("id") + "), organization "
					+ userAndOrg.getT2().get("name") + " (" + userAndOrg.getT2().get("id") + ")"),
					(ex) -> logger.error("Could not authenticate to ZITADEL at " + this.issuer + ": " + ex.getMessage()));
	}

	private Mono<Map<String, Object>> get(String path, String field) {
		return this.zitadel.get().uri(path).retrieve().bodyToMono(JSON).map((body) -> body.get(field));
	}

}
