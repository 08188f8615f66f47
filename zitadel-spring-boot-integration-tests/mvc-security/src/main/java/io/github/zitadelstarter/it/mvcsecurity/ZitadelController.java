package io.github.zitadelstarter.it.mvcsecurity;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Calls ZITADEL as the service user, through the starter's client.
 */
@RestController
class ZitadelController {

	private final RestClient zitadel;

	ZitadelController(@Qualifier("zitadelRestClient") RestClient zitadel) {
		this.zitadel = zitadel;
	}

	@GetMapping("/zitadel/me")
	String me() {
		return this.zitadel.get().uri("/auth/v1/users/me").retrieve().body(String.class);
	}

}
