package io.github.zitadelstarter.api.user;

import java.time.Duration;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.ZitadelPages;
import io.github.zitadelstarter.api.object.TextQueryMethod;
import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive user service client as a WebFlux application uses it: from a controller on the
 * event loop and as a {@link Flux} of all users, page by page. BlockHound fails any blocking
 * call on Reactor's and Netty's threads; like every {@code *NonBlockingTests}, it runs in a JVM
 * of its own (surefire execution {@code non-blocking}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
@EnableLocalZitadel
class ReactiveUserServiceClientNonBlockingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	ReactiveUserServiceClient users;

	@Autowired
	LocalZitadel zitadel;

	@LocalServerPort
	int port;

	@BeforeAll
	static void failBlockingCallsOnNonBlockingThreads() {
		// As in ReactiveClientsNonBlockingTests; the first installation in the JVM counts.
		BlockHound.install((builder) -> builder
			.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes"));
	}

	// Every request sent, answer and error received is what ZITADEL's protos define.
	@AfterEach
	void callsConformToZitadelsProtos() {
		ProtoContract.assertConforms(this.zitadel.apiCalls());
	}

	@Test
	void aControllerCreatesAndFindsUsersOnTheEventLoop() {
		WebClient app = WebClient.create("http://127.0.0.1:" + this.port);

		Mono<String> created = app.post().uri("/staff/grace").retrieve().bodyToMono(String.class);
		StepVerifier
			.create(created.flatMap((id) -> app.get().uri("/staff/{id}", id).retrieve().bodyToMono(String.class)))
			.expectNext("grace Hopper")
			.verifyComplete();
		StepVerifier.create(app.get().uri("/staff/100000000000000000").retrieve().toBodilessEntity())
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("404 Not Found"))
			.verify(TIMEOUT);
	}

	@Test
	void listsAllUsersAsAFluxPageByPage() {
		int count = ZitadelPages.DEFAULT_PAGE_SIZE + 5;
		StepVerifier.create(Flux.range(0, count).concatMap((i) -> create("user-" + i)).then())
			.verifyComplete();
		this.zitadel.clearRecords();
		ListUsersRequest staff = ListUsersRequest
			.of(SearchQuery.userName("user-", TextQueryMethod.TEXT_QUERY_METHOD_STARTS_WITH));

		StepVerifier.create(this.users.listAllUsers(staff).map(User::username))
			.expectNext("user-0", "user-1")
			.expectNextCount(count - 2)
			.verifyComplete();
		long pagesForAll = listUsersCalls();
		StepVerifier.create(this.users.listAllUsers(staff).take(3)).expectNextCount(3).verifyComplete();

		assertThat(pagesForAll).isEqualTo(2);
		assertThat(listUsersCalls()).isEqualTo(3);
	}

	@Test
	void aMissingUserArrivesAsNotFound() {
		StepVerifier.create(this.users.getUserByID(GetUserByIDRequest.of("100000000000000000")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(ZitadelApiException.class,
					(ex) -> {
						assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND);
						assertThat(ex.getRpc()).isEqualTo("zitadel.user.v2.UserService/GetUserByID");
					}))
			.verify(TIMEOUT);
	}

	private Mono<String> create(String username) {
		return this.users
			.createUser(CreateUserRequest.human(this.zitadel.organizationId(),
					CreateUserRequestHuman.of(SetHumanProfile.of(username, "Hopper"),
							SetHumanEmail.verified(username + "@example.com")))
				.withUsername(username))
			.map(CreateUserResponse::id);
	}

	private long listUsersCalls() {
		return this.zitadel.apiCalls()
			.stream()
			.map(ApiCall::path)
			.filter((path) -> path.endsWith("/ListUsers"))
			.count();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Application.StaffController.class)
	static class Application {

		/** A WebFlux controller over the reactive client, as an application writes one. */
		@RestController
		static class StaffController {

			private final ReactiveUserServiceClient users;

			private final String organizationId;

			StaffController(ReactiveUserServiceClient users, LocalZitadel zitadel) {
				this.users = users;
				this.organizationId = zitadel.organizationId();
			}

			@PostMapping("/staff/{username}")
			Mono<String> hire(@PathVariable String username) {
				return this.users
					.createUser(CreateUserRequest.human(this.organizationId,
							CreateUserRequestHuman.of(SetHumanProfile.of(username, "Hopper"),
									SetHumanEmail.verified(username + "@example.com")))
						.withUsername(username))
					.map(CreateUserResponse::id);
			}

			@GetMapping("/staff/{id}")
			Mono<ResponseEntity<String>> name(@PathVariable String id) {
				return this.users.getUserByID(GetUserByIDRequest.of(id))
					.map((response) -> ResponseEntity.ok(response.user().human().profile().displayName()))
					.onErrorResume(ZitadelApiException.class,
							(ex) -> (ex.getCode() == ZitadelErrorCode.NOT_FOUND)
									? Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).build())
									: Mono.error(ex));
			}

		}

	}

}
