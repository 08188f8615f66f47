package io.github.zitadelstarter.it.mvcresourceserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application whose own API is protected by ZITADEL through its own security
 * filter chain.
 */
@SpringBootApplication
public class MvcResourceServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(MvcResourceServerApplication.class, args);
	}

}
