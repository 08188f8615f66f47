package io.github.zitadelstarter.it.mvcwithoutwebclient;

import java.util.Map;

import org.springframework.web.service.annotation.GetExchange;

/**
 * ZITADEL's Auth API, as far as this application uses it.
 */
public interface ZitadelAuthApi {

	@GetExchange("/auth/v1/users/me")
	Map<String, Object> me();

}
