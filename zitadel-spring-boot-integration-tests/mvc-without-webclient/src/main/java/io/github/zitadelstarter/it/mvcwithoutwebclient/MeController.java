package io.github.zitadelstarter.it.mvcwithoutwebclient;

import java.util.Map;

import io.github.zitadelstarter.api.user.GetUserByIDRequest;
import io.github.zitadelstarter.api.user.GetUserByIDResponse;
import io.github.zitadelstarter.api.user.UserServiceClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Shows the service user as ZITADEL knows it, fetched in two ways.
 */
@RestController
class MeController {

	private final RestClient zitadel;

	private final ZitadelAuthApi authApi;

	private final UserServiceClient users;

	MeController(@Qualifier("zitadelRestClient") RestClient zitadel, ZitadelAuthApi authApi, UserServiceClient users) {
		this.zitadel = zitadel;
		this.authApi = authApi;
		this.users = users;
	}

	@GetMapping("/me/rest-client")
	String meThroughRestClient() {
		return this.zitadel.get().uri("/auth/v1/users/me").retrieve().body(String.class);
	}

	@GetMapping("/me/http-interface")
	Map<String, Object> meThroughHttpInterface() {
		return this.authApi.me();
	}

	@GetMapping("/users/{userId}/username")
	@Nullable String userName(@PathVariable String userId) {
		GetUserByIDResponse response = this.users.getUserByID(GetUserByIDRequest.of(userId));
		return (response.user() != null) ? response.user().username() : null;
	}

}
