package io.github.zitadelstarter.it.webfluxresourceserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring WebFlux application whose own API is protected by ZITADEL through its own security
 * web filter chain.
 */
@SpringBootApplication
public class WebFluxResourceServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebFluxResourceServerApplication.class, args);
	}

}
