package io.github.zitadelstarter.it.mvcsecurity;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A page for users who logged in with ZITADEL.
 */
@RestController
class AccountController {

	@GetMapping("/account")
	String account(Principal principal) {
		return "Hello " + principal.getName();
	}

}
