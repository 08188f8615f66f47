package io.github.zitadelstarter.it.mvcwithoutwebclient;

import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Shows the service user as ZITADEL knows it, fetched in two ways.
 */
@RestController
class MeController {

	private final RestClient zitadel;

	private final ZitadelAuthApi authApi;

	MeController(@Qualifier("zitadelRestClient") RestClient zitadel, ZitadelAuthApi authApi) {
		this.zitadel = zitadel;
		this.authApi = authApi;
	}

	@GetMapping("/me/rest-client")
	String meThroughRestClient() {
		return this.zitadel.get().uri("/auth/v1/users/me").retrieve().body(String.class);
	}

	@GetMapping("/me/http-interface")
	Map<String, Object> meThroughHttpInterface() {
		return this.authApi.me();
	}

}
