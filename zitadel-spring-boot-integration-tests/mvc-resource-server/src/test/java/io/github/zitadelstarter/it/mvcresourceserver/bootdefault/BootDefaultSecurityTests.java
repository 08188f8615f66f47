package io.github.zitadelstarter.it.mvcresourceserver.bootdefault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.zitadelstarter.resourceserver.ZitadelPrincipal;
import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An MVC application without a security filter chain of its own: Spring Boot's default
 * security, with the starter's chain in place of Boot's resource server chain.
 */
@SpringBootTest(classes = BootDefaultSecurityTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableLocalZitadel(resourceServer = LocalResourceServer.INTROSPECTION_KEY)
class BootDefaultSecurityTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void everyRequestNeedsAValidTokenAndZitadelOutOfReachIs503() throws Exception {
		String token = this.zitadel.userToken("alice").role("viewer").opaque();

		assertThat(get(null).statusCode()).isEqualTo(401);
		assertThat(get("garbage").statusCode()).isEqualTo(401);
		HttpResponse<String> greeted = get(token);
		assertThat(greeted.statusCode()).isEqualTo(200);
		assertThat(greeted.body()).isEqualTo("alice");

		this.zitadel.goDown();
		HttpResponse<String> unavailable = get(this.zitadel.userToken("bob").opaque());
		this.zitadel.comeBack();
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
	}

	private HttpResponse<String> get(String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/whoami"))
			.timeout(Duration.ofSeconds(20));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(WhoAmI.class)
	static class App {

	}

	@RestController
	static class WhoAmI {

		@GetMapping("/whoami")
		String whoAmI(Authentication authentication) {
			return ZitadelPrincipal.from(authentication).getUserId();
		}

	}


}
