package io.github.zitadelstarter.test.context;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ServiceUserCredential;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableLocalZitadel} on a {@code @SpringBootTest}: one local ZITADEL per context,
 * its connection in the properties the starter reads, itself a bean.
 */
@SpringBootTest(classes = EnableLocalZitadelTests.Config.class, properties = "zitadel.issuer=https://configured.example")
@EnableLocalZitadel
class EnableLocalZitadelTests {

	@Autowired
	LocalZitadel zitadel;

	@Autowired
	Environment environment;

	@Test
	void pointsTheStarterAtTheLocalZitadelWithItsKeyOverConfiguredProperties() throws Exception {
		assertThat(this.environment.getProperty("zitadel.issuer")).isEqualTo(this.zitadel.issuer())
			.startsWith("http://127.0.0.1:");
		assertThat(this.environment.getProperty("zitadel.service-user.key-json")).isEqualTo(this.zitadel.keyJson());
		assertThat(this.environment.getProperty("zitadel.service-user.client-secret")).isNull();
		assertThat(this.zitadel.accessTokenLifetime()).isEqualTo(LocalZitadel.DEFAULT_ACCESS_TOKEN_LIFETIME);
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.zitadel.issuer() + "/debug/healthz")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.body()).isEqualTo("ok");
	}

	@Nested
	@EnableLocalZitadel(credential = ServiceUserCredential.CLIENT_SECRET)
	class WithAClientSecret {

		@Autowired
		LocalZitadel nestedZitadel;

		@Autowired
		Environment nestedEnvironment;

		@Test
		void pointsTheStarterAtItsOwnLocalZitadelWithTheClientSecret() {
			assertThat(this.nestedEnvironment.getProperty("zitadel.issuer")).isEqualTo(this.nestedZitadel.issuer());
			assertThat(this.nestedEnvironment.getProperty("zitadel.service-user.client-id"))
				.isEqualTo(this.nestedZitadel.clientId());
			assertThat(this.nestedEnvironment.getProperty("zitadel.service-user.client-secret"))
				.isEqualTo(this.nestedZitadel.clientSecret());
			assertThat(this.nestedEnvironment.getProperty("zitadel.service-user.key-json")).isNull();
		}

	}

	@Nested
	@EnableLocalZitadel(credential = ServiceUserCredential.PERSONAL_ACCESS_TOKEN, accessTokenLifetime = "20s")
	class WithAPersonalAccessTokenAndShortTokens {

		@Autowired
		LocalZitadel nestedZitadel;

		@Autowired
		Environment nestedEnvironment;

		@Test
		void pointsTheStarterAtItsOwnLocalZitadelWithThePersonalAccessToken() {
			assertThat(this.nestedEnvironment.getProperty("zitadel.service-user.personal-access-token"))
				.isEqualTo(this.nestedZitadel.personalAccessToken());
			assertThat(this.nestedEnvironment.getProperty("zitadel.service-user.key-json")).isNull();
			assertThat(this.nestedZitadel.accessTokenLifetime()).hasSeconds(20);
		}

	}

	@SpringBootConfiguration
	static class Config {

	}

}
