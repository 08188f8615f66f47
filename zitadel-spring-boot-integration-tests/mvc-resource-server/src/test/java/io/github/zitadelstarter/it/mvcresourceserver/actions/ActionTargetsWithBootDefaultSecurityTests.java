package io.github.zitadelstarter.it.mvcresourceserver.actions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.zitadelstarter.actions.FunctionAnswer;
import io.github.zitadelstarter.actions.FunctionPayload;
import io.github.zitadelstarter.actions.ZitadelActionTarget;
import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalTarget;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.TargetCall;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ZITADEL target in an MVC application without a security filter chain of its own, protected
 * by the starter's default resource server security (every request needs a bearer token, CSRF
 * on): ZITADEL's signed calls get through without a token, others are refused, and the rest of
 * the application still needs a token.
 */
@SpringBootTest(classes = ActionTargetsWithBootDefaultSecurityTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zitadel.actions.signing-key=" + ActionTargetsWithBootDefaultSecurityTests.SIGNING_KEY)
@EnableLocalZitadel(resourceServer = LocalResourceServer.INTROSPECTION_KEY)
class ActionTargetsWithBootDefaultSecurityTests {

	static final String SIGNING_KEY = "sk_it_7c2e9a4f1b8d3e6a0c5f";

	@LocalServerPort
	int port;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void zitadelsSignedCallsNeedNoTokenAndOthersAreRefused() throws Exception {
		LocalTarget target = this.zitadel.actions()
			.addTarget("tokens", "http://127.0.0.1:" + this.port + "/actions/preaccesstoken", SIGNING_KEY);
		String userId = this.zitadel.addHumanUser("grace", "Grace", "Hopper");

		TargetCall call = target.callFunction("preaccesstoken", userId);

		assertThat(call.status()).isEqualTo(200);
		assertThat(call.body()).contains("\"value\":\"Grace Hopper\"");
		LocalTarget forger = this.zitadel.actions()
			.addTarget("forger", target.endpoint(), "sk_not_the_application_s_key");
		assertThat(forger.callFunction("preaccesstoken", userId).status()).isEqualTo(401);
		HttpResponse<String> whoAmI = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/whoami")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(whoAmI.statusCode()).isEqualTo(401);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Targets.class)
	static class App {

	}

	@RestController
	static class Targets {

		@PostMapping("/actions/preaccesstoken")
		@ZitadelActionTarget
		FunctionAnswer preAccessToken(@RequestBody FunctionPayload payload) {
			return FunctionAnswer.empty().withClaim("name", payload.displayName());
		}

		@GetMapping("/whoami")
		String whoAmI() {
			return "a user";
		}

	}

}
