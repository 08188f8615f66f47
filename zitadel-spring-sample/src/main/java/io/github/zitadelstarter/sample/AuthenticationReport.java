package io.github.zitadelstarter.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the application is up, asks ZITADEL who the service user is and logs it: the proof
 * that authentication works end to end.
 */
@Component
class AuthenticationReport {

	private static final Log logger = LogFactory.getLog(AuthenticationReport.class);

	private final ServiceUser serviceUser;

	private final String issuer;

	AuthenticationReport(ServiceUser serviceUser, Environment environment) {
		this.serviceUser = serviceUser;
		this.issuer = environment.getProperty("zitadel.issuer", "");
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		Mono.zip(this.serviceUser.user(), this.serviceUser.organization())
			.subscribe((userAndOrg) -> logger.info("Authenticated to ZITADEL at " + this.issuer + " as "
					+ userAndOrg.getT1().username() + " (" + userAndOrg.getT1().userId() + "), organization "
					+ userAndOrg.getT2().name() + " (" + userAndOrg.getT2().id() + ")"),
					(ex) -> logger.error("Could not authenticate to ZITADEL at " + this.issuer + ": " + ex.getMessage()));
	}

}
