package io.github.zitadelstarter.sample;

import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ServiceUserCredential;
import io.github.zitadelstarter.test.context.LocalZitadelApplication;

/**
 * Runs the sample against a local ZITADEL stand-in, for trying it out with nothing
 * configured: {@code ./mvnw -pl zitadel-spring-sample -am spring-boot:test-run}. The stand-in
 * lives on the test class path only; the sample's own {@code main} needs a real instance.
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		LocalZitadel zitadel = LocalZitadel.builder()
			.serviceUserName("zitadel-spring-sample")
			.organizationName("Stand-in Organization")
			.start();
		// Its own API checks users' opaque tokens (ZITADEL's default) by introspection with the
		// API application's key; the log says how to get a token and call /api/greeting.
		LocalZitadelApplication.run(SampleApplication::main, zitadel, ServiceUserCredential.KEY,
				LocalResourceServer.INTROSPECTION_KEY, "/api/greeting", "viewer", args);
	}

}
