package io.github.zitadelstarter.it.mvcsecurity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application with a life of its own before it added the starter: its own
 * {@code RestClient} and {@code WebClient}, users who log in with ZITADEL (a registration
 * named {@code zitadel}), a client-credentials client for a partner's API and a JWT-bearer
 * provider for exchanging its users' tokens.
 */
@SpringBootApplication
public class MvcSecurityApplication {

	public static void main(String[] args) {
		SpringApplication.run(MvcSecurityApplication.class, args);
	}

}
