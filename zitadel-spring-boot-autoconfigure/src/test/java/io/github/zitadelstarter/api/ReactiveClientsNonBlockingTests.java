package io.github.zitadelstarter.api;

import java.time.Duration;
import java.util.List;

import io.github.zitadelstarter.api.EchoServiceClient.Echo;
import io.github.zitadelstarter.test.Answer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive typed clients never block a non-blocking thread, from the first call of a cold
 * application (which fetches a token) to errors and paging: BlockHound fails any blocking call
 * made on Reactor's and Netty's non-blocking threads. Runs in a JVM of its own (surefire
 * execution {@code non-blocking}), as BlockHound instruments the JDK for good.
 */
@SpringBootTest
@EnableLocalZitadel
class ReactiveClientsNonBlockingTests {

	private static final String ECHO = "/zitadel.echo.v2.EchoService/Echo";

	@Autowired
	ReactiveZitadelClients clients;

	@Autowired
	LocalZitadel zitadel;

	@BeforeAll
	static void failBlockingCallsOnNonBlockingThreads() {
		// With the integrations on the class path (Reactor's, Spring's), which mark Reactor's and
		// Netty's threads non-blocking. The JDK's SecureRandom (UUID.randomUUID() for the
		// assertion's jti, RSA's blinding) reads /dev/urandom, which never blocks.
		BlockHound.install((builder) -> builder
			.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes"));
	}

	@Test
	void blockHoundCatchesABlockingCallOnANonBlockingThread() {
		StepVerifier.create(Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel()))
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("Blocking call!"))
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void callsErrorsAndPagesWithoutBlocking() {
		this.zitadel.answer("POST", ECHO, (call) -> call.body().contains("missing")
				? Answer.json(404, "{\"code\":\"not_found\",\"message\":\"User could not be found (QUERY-Dfbg2)\"}")
				: Answer.json(200, call.body()));
		ReactiveEchoServiceClient echo = this.clients.client(ReactiveEchoServiceClient.class);

		StepVerifier.create(Mono.defer(() -> echo.echo(named("Ada"))).subscribeOn(Schedulers.parallel()))
			.assertNext((answer) -> assertThat(answer.givenName()).isEqualTo("Ada"))
			.verifyComplete();
		StepVerifier.create(Mono.defer(() -> echo.echo(named("missing"))).subscribeOn(Schedulers.parallel()))
			.expectError(ZitadelApiException.class)
			.verify(Duration.ofSeconds(30));
		StepVerifier
			.create(ReactiveZitadelPages
				.flux(2, (offset, limit) -> echo.echo(named(Long.toString(offset))), (page) -> List.of(page, page),
						(page) -> 6)
				.subscribeOn(Schedulers.parallel()))
			.expectNextCount(6)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

	private static Echo named(String name) {
		return new Echo(name, null, null, null, null);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
