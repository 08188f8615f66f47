package io.github.zitadelstarter.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Calls ZITADEL as a service user through the starter: configure {@code zitadel.issuer} and a
 * service user key to talk to a real instance, or configure nothing to run against a local
 * stand-in.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
