package io.github.zitadelstarter.it.mvcsecurity;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages for users who logged in with ZITADEL: {@code /reports} needs the role {@code viewer},
 * {@code /admin} the role {@code admin}, given in ZITADEL.
 */
@RestController
class AccountController {

	@GetMapping("/account")
	String account(Principal principal) {
		return "Hello " + principal.getName();
	}

	@GetMapping("/account/authorities")
	String authorities(Authentication authentication) {
		return String.join(" ",
				authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
	}

	@GetMapping("/reports")
	String reports() {
		return "reports for viewers";
	}

	@GetMapping("/admin")
	String admin() {
		return "admin";
	}

}
