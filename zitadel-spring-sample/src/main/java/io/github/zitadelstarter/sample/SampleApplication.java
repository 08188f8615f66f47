package io.github.zitadelstarter.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Calls ZITADEL as a service user through the starter: configure {@code zitadel.issuer} and a
 * service user key. Without them it fails to start, saying so; {@code TestSampleApplication}
 * on the test class path runs it against a local stand-in instead.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
