package io.github.zitadelstarter.actions;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application with its own Spring Security (every request authenticated) and two
 * ZITADEL targets: one marked {@code @ZitadelActionTarget}, one configured by path. Calls signed
 * as ZITADEL signs them reach the handlers, typed; others never do.
 */
@SpringBootTest(classes = WebFluxActionTargetsTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "zitadel.actions.signing-key=" + SignedCalls.KEY,
				"zitadel.actions.targets.events.path=/actions/events",
				"zitadel.actions.targets.events.signing-key=" + SignedCalls.EVENTS_KEY })
@ExtendWith(OutputCaptureExtension.class)
class WebFluxActionTargetsTests {

	@LocalServerPort
	int port;

	@Autowired
	Targets targets;

	SignedCalls calls;

	@BeforeEach
	void setUp() {
		this.calls = new SignedCalls(this.port);
		this.targets.functions.clear();
		this.targets.events.clear();
	}

	@Test
	void aCallSignedAsZitadelSignsItReachesTheHandlerTyped() throws Exception {
		HttpResponse<String> response = this.calls.post("/actions/preaccesstoken", SignedCalls.FUNCTION,
				SignedCalls.sign(SignedCalls.FUNCTION, SignedCalls.KEY));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"append_claims\":[{\"key\":\"greeting\",\"value\":\"Hello Ada Lovelace\"}]}");
		assertThat(this.targets.functions).singleElement()
			.satisfies((payload) -> assertThat(payload.user().id()).isEqualTo("user-1"));
	}

	@Test
	void aTargetConfiguredByPathChecksWithItsOwnKey() throws Exception {
		assertThat(this.calls.post("/actions/events", SignedCalls.EVENT, SignedCalls.sign(SignedCalls.EVENT, SignedCalls.KEY))
			.statusCode()).isEqualTo(401);
		assertThat(this.calls
			.post("/actions/events", SignedCalls.EVENT, SignedCalls.sign(SignedCalls.EVENT, SignedCalls.EVENTS_KEY))
			.statusCode()).isEqualTo(200);
		assertThat(this.targets.events).singleElement()
			.satisfies((event) -> assertThat(event.eventType()).isEqualTo("user.human.added"));
	}

	@Test
	void callsNotAsZitadelSignedThemNeverReachTheHandler(CapturedOutput output) throws Exception {
		String body = SignedCalls.FUNCTION;
		String forged = SignedCalls.sign(body, "sk_a_forger_s_own_key_1234");
		String stale = SignedCalls.sign(Instant.now().minusSeconds(301), body, SignedCalls.KEY);
		String signedForAnotherBody = SignedCalls.sign(body, SignedCalls.KEY);
		String changedBody = body.replace("Ada Lovelace", "Mallory");

		assertThat(this.calls.post("/actions/preaccesstoken", body, forged).statusCode()).isEqualTo(401);
		assertThat(this.calls.post("/actions/preaccesstoken", body, stale).statusCode()).isEqualTo(401);
		assertThat(this.calls.post("/actions/preaccesstoken", changedBody, signedForAnotherBody).statusCode())
			.isEqualTo(401);
		assertThat(this.calls.post("/actions/preaccesstoken", body, null).statusCode()).isEqualTo(401);
		assertThat(this.calls.post("/actions/preaccesstoken", body, "t=1,v1=zz").statusCode()).isEqualTo(401);

		assertThat(this.targets.functions).isEmpty();
		assertThat(output).contains("Refused a call to ZITADEL target 'Targets#preAccessToken'")
			.contains("outside the tolerance")
			.contains("no ZITADEL-Signature header")
			.doesNotContain(SignedCalls.KEY)
			.doesNotContain(forged.substring(forged.indexOf("v1=") + 3))
			.doesNotContain("Mallory");
	}

	@Test
	void theApplicationsOwnSecurityStillGuardsEverythingElse() throws Exception {
		assertThat(this.calls.get("/private").statusCode()).isEqualTo(401);
	}

	@RestController
	static class Targets {

		final List<FunctionPayload> functions = new CopyOnWriteArrayList<>();

		final List<EventPayload> events = new CopyOnWriteArrayList<>();

		@PostMapping("/actions/preaccesstoken")
		@ZitadelActionTarget
		FunctionAnswer preAccessToken(@RequestBody FunctionPayload payload) {
			this.functions.add(payload);
			return FunctionAnswer.empty().withClaim("greeting", "Hello " + payload.displayName());
		}

		@PostMapping("/actions/events")
		Mono<Void> events(@RequestBody Mono<EventPayload> event) {
			return event.doOnNext(this.events::add).then();
		}

		@GetMapping("/private")
		String secret() {
			return "only for users";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	@Import(Targets.class)
	static class App {

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(User.withUsername("user").password("{noop}password").roles("USER").build());
		}

		@Bean
		SecurityWebFilterChain security(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

}
