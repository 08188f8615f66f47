package io.github.zitadelstarter.it.mvcresourceserver;

import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ServiceUserCredential;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introspection authenticated with the API application's client id (which has an {@code @})
 * and secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableLocalZitadel(credential = ServiceUserCredential.CLIENT_SECRET,
		resourceServer = LocalResourceServer.INTROSPECTION_SECRET)
class BasicIntrospectionTests {

	@LocalServerPort
	int port;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void introspectionIsAuthenticatedWithTheClientSecret() {
		String token = this.zitadel.userToken("alice").role("viewer").opaque();

		assertThat(Api.get(this.port, "/api/greeting", token).statusCode()).isEqualTo(200);
		assertThat(Api.get(this.port, "/api/greeting", token).statusCode()).isEqualTo(200);

		assertThat(this.zitadel.introspections()).singleElement().satisfies((introspection) -> {
			assertThat(introspection.clientAuthentication()).isEqualTo("client_secret_basic");
			assertThat(introspection.clientId()).isEqualTo(this.zitadel.apiClientId()).contains("@");
			assertThat(introspection.refusal()).isNull();
		});
	}

}
