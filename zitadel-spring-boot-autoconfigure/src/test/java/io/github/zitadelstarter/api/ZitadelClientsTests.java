package io.github.zitadelstarter.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.github.zitadelstarter.api.EchoServiceClient.Echo;
import io.github.zitadelstarter.api.EchoServiceClient.State;
import io.github.zitadelstarter.test.Answer;
import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every typed client shares, blocking and reactive, seen through a made-up service that
 * the local ZITADEL answers as a test tells it: the JSON ZITADEL speaks whatever the
 * application's Jackson settings, errors as {@link ZitadelApiException}, another organization
 * per call, and the {@code zitadel.api.call} observation.
 */
@SpringBootTest(properties = { "spring.jackson.property-naming-strategy=SNAKE_CASE",
		"spring.jackson.deserialization.fail-on-unknown-properties=true",
		"spring.jackson.datatype.datetime.write-dates-as-timestamps=true" })
@EnableLocalZitadel
class ZitadelClientsTests {

	private static final String ECHO = "/zitadel.echo.v2.EchoService/Echo";

	@Autowired
	ZitadelClients clients;

	@Autowired
	ReactiveZitadelClients reactiveClients;

	@Autowired
	LocalZitadel zitadel;

	@Autowired
	MeterRegistry meterRegistry;

	private final Echo echo = new Echo("Ada", Instant.parse("2025-01-23T10:34:18.051Z"), Duration.ofMillis(1500),
			State.STATE_ACTIVE, "ü€".getBytes(StandardCharsets.UTF_8));

	@Test
	void speaksZitadelsJsonWhateverTheApplicationsJacksonSettings() {
		this.zitadel.answer("POST", ECHO, (call) -> Answer.json(200, """
				{"givenName":"Ada","creationDate":"2025-01-23T10:34:18.051Z","lifetime":"1.500s",\
				"state":"STATE_SUSPENDED_IN_A_LATER_VERSION","value":"w7zigqw=","addedLater":{"x":1}}"""));

		Echo blocking = this.clients.client(EchoServiceClient.class).echo(this.echo);
		Echo reactive = this.reactiveClients.client(ReactiveEchoServiceClient.class)
			.echo(this.echo)
			.block(Duration.ofSeconds(30));

		assertThat(this.zitadel.apiCalls()).extracting(ApiCall::body)
			.containsOnly("{\"givenName\":\"Ada\",\"creationDate\":\"2025-01-23T10:34:18.051Z\",\"lifetime\":\"1.5s\","
					+ "\"state\":\"STATE_ACTIVE\",\"value\":\"w7zigqw=\"}");
		for (Echo answer : new Echo[] { blocking, reactive }) {
			assertThat(answer.givenName()).isEqualTo("Ada");
			assertThat(answer.creationDate()).isEqualTo(this.echo.creationDate());
			assertThat(answer.lifetime()).isEqualTo(Duration.ofMillis(1500));
			assertThat(answer.state()).isEqualTo(State.STATE_UNSPECIFIED);
			assertThat(answer.value()).isEqualTo(this.echo.value());
		}
	}

	@Test
	void aConnectErrorArrivesWithItsCodeZitadelsMessageAndTheRpc() {
		this.zitadel.answer("POST", ECHO,
				Answer.json(404, "{\"code\":\"not_found\",\"message\":\"User could not be found (QUERY-Dfbg2)\","
						+ "\"details\":[{\"type\":\"zitadel.v1.ErrorDetail\",\"value\":\"CgtRVUVSWS1EZmJnMg==\"}]}"));

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.clients.client(EchoServiceClient.class).echo(this.echo))
			.satisfies(this::isNotFound);
		StepVerifier.create(this.reactiveClients.client(ReactiveEchoServiceClient.class).echo(this.echo))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(ZitadelApiException.class,
					this::isNotFound))
			.verify(Duration.ofSeconds(30));
	}

	private void isNotFound(ZitadelApiException ex) {
		assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND);
		assertThat(ex.getStatusCode()).isEqualTo(404);
		assertThat(ex.getRpc()).isEqualTo("zitadel.echo.v2.EchoService/Echo");
		assertThat(ex.getZitadelMessage()).isEqualTo("User could not be found (QUERY-Dfbg2)");
		assertThat(ex).hasMessage(
				"zitadel.echo.v2.EchoService/Echo failed with not_found: User could not be found (QUERY-Dfbg2)");
	}

	@Test
	void aPermissionErrorSaysWhichRoleTheServiceUserProbablyLacks() {
		this.zitadel.answer("POST", ECHO, Answer.json(403,
				"{\"code\":\"permission_denied\",\"message\":\"No matching permissions found (AUTH-5mWD2)\"}"));

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.clients.client(EchoServiceClient.class).echo(this.echo))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.PERMISSION_DENIED);
				assertThat(ex.getRequiredPermission()).isEqualTo("user.write");
			})
			.withMessage("zitadel.echo.v2.EchoService/Echo failed with permission_denied: No matching permissions "
					+ "found (AUTH-5mWD2). The service user probably lacks a role that grants the permission "
					+ "'user.write': grant it ORG_USER_MANAGER or ORG_OWNER on the organization, or IAM_USER_MANAGER "
					+ "in ZITADEL.");
	}

	@Test
	void anAnswerThatIsNotAConnectErrorIsTypedByItsStatus() {
		this.zitadel.answer("POST", ECHO,
				Answer.of(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"));

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.clients.client(EchoServiceClient.class).echo(this.echo))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.UNAVAILABLE))
			.withMessage("zitadel.echo.v2.EchoService/Echo failed with unavailable: HTTP 502 without a Connect "
					+ "error (<html><body><h1>502 Bad Gateway</h1></body></html>)");
	}

	@Test
	void actsInAnotherOrganizationPerCallWhenAsked() {
		this.zitadel.answer("POST", ECHO, Answer.json(200, "{}"));
		String other = this.zitadel.organizationId();

		this.clients.client(EchoServiceClient.class).echo(this.echo);
		this.clients.inOrganization(other).client(EchoServiceClient.class).echo(this.echo);
		this.reactiveClients.inOrganization(other)
			.client(ReactiveEchoServiceClient.class)
			.echo(this.echo)
			.block(Duration.ofSeconds(30));

		assertThat(this.zitadel.apiCalls()).extracting(ApiCall::organizationId).containsExactly(null, other, other);
		assertThatIllegalArgumentException().isThrownBy(() -> this.clients.inOrganization(" "))
			.withMessage("organizationId must not be empty");
	}

	@Test
	void eachCallIsObservedWithItsRpc() {
		this.zitadel.answer("POST", ECHO, Answer.json(200, "{}"));
		long before = echoCalls();

		this.clients.client(EchoServiceClient.class).echo(this.echo);
		this.reactiveClients.client(ReactiveEchoServiceClient.class).echo(this.echo).block(Duration.ofSeconds(30));

		assertThat(echoCalls()).isEqualTo(before + 2);
	}

	private long echoCalls() {
		Timer timer = this.meterRegistry.find("zitadel.api.call")
			.tag("rpc", "zitadel.echo.v2.EchoService/Echo")
			.tag("status", "200")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
