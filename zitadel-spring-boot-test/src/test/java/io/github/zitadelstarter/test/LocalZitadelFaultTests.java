package io.github.zitadelstarter.test;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The faults a test injects into {@link LocalZitadel}, and what it shows a test of what it
 * received.
 */
class LocalZitadelFaultTests {

	private static LocalZitadel zitadel;

	private static Client client;

	@BeforeAll
	static void start() {
		zitadel = LocalZitadel.start();
		client = new Client(zitadel);
	}

	@AfterAll
	static void stop() {
		zitadel.close();
	}

	@AfterEach
	void reset() {
		zitadel.reset();
	}

	@Test
	void refusedAssertionsGetErrorsInternalThenTokensAgain() {
		zitadel.refuseNextAssertions(2);
		client.assertRefusedLikeZitadel(client.assertion((claims) -> {
		}));
		client.assertRefusedLikeZitadel(client.assertion((claims) -> {
		}));
		assertThat(client.requestToken(client.assertion((claims) -> {
		})).statusCode()).isEqualTo(200);
		assertThat(zitadel.tokenRequests()).extracting(TokenRequest::refusal)
			.containsExactly("refused by refuseNextAssertions", "refused by refuseNextAssertions", null);
	}

	@Test
	void failedTokenRequestsGetTheGivenAnswer() {
		zitadel.failNextTokenRequests(1, Answer.json(429, "{\"error\":\"slow_down\"}").withHeader("Retry-After", "3"));
		HttpResponse<String> limited = client.requestToken(client.assertion((claims) -> {
		}));
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(limited.headers().firstValue("Date")).isPresent();
		zitadel.failNextTokenRequests(2, 503);
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> unavailable = client.requestToken(client.assertion((claims) -> {
			}));
			assertThat(unavailable.statusCode()).isEqualTo(503);
			assertThat(Client.json(unavailable)).containsEntry("error", "server_error");
		}
		zitadel.failNextTokenRequests(1, Answer.of(502, "text/html", "<html>Bad Gateway</html>"));
		HttpResponse<String> html = client.requestToken(client.assertion((claims) -> {
		}));
		assertThat(html.statusCode()).isEqualTo(502);
		assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html");
		assertThat(client.requestToken(client.assertion((claims) -> {
		})).statusCode()).isEqualTo(200);
	}

	@Test
	void delayedTokenResponsesArriveLate() {
		zitadel.delayTokenResponses(Duration.ofMillis(400));
		long start = System.nanoTime();
		assertThat(client.requestToken(client.assertion((claims) -> {
		})).statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		// The APIs are not delayed.
		long apiStart = System.nanoTime();
		Client.send(client.request("/debug/healthz"));
		assertThat(Duration.ofNanos(System.nanoTime() - apiStart)).isLessThan(Duration.ofMillis(400));
	}

	@Test
	void rejectedApiCallsGetUnauthorizedThenAnswersAgain() {
		String token = client.token();
		zitadel.rejectNextApiCalls(1);
		// A call without a token does not use up the rejection.
		assertThat(Client.send(client.request("/auth/v1/users/me")).statusCode()).isEqualTo(401);
		HttpResponse<String> rejected = client.get("/auth/v1/users/me", token);
		assertThat(rejected.statusCode()).isEqualTo(401);
		assertThat(Client.json(rejected)).containsEntry("message", "Errors.Token.Invalid");
		assertThat(client.get("/auth/v1/users/me", token).statusCode()).isEqualTo(200);
	}

	@Test
	void revokedTokensAreRefusedAndNewOnesAccepted() {
		String token = client.token();
		zitadel.revokeAccessTokens();
		assertThat(client.get("/auth/v1/users/me", token).statusCode()).isEqualTo(401);
		assertThat(client.get("/auth/v1/users/me", client.token()).statusCode()).isEqualTo(200);
	}

	@Test
	void downRefusesConnectionsAndComesBackOnTheSamePortWithItsTokens() {
		String token = client.token();
		int port = zitadel.port();
		zitadel.goDown();
		assertThat(zitadel.isUp()).isFalse();
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> client.get("/auth/v1/users/me", token))
			.withCauseInstanceOf(ConnectException.class);
		zitadel.comeBack();
		assertThat(zitadel.isUp()).isTrue();
		assertThat(zitadel.port()).isEqualTo(port);
		assertThat(client.get("/auth/v1/users/me", token).statusCode()).isEqualTo(200);
		zitadel.goDown();
		zitadel.reset();
		assertThat(client.get("/auth/v1/users/me", token).statusCode()).isEqualTo(200);
	}

	@Test
	void silentHoldsRequestsUntilItComesBack() throws Exception {
		String token = client.token();
		zitadel.stopAnswering();
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = client.request("/auth/v1/users/me").header("Authorization", "Bearer " + token).build();
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> http.send(
				HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofMillis(300)).build(),
				HttpResponse.BodyHandlers.ofString()));
		CompletableFuture<HttpResponse<String>> held = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
		// Held, not answered: still not done for a while.
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !held.isDone());
		zitadel.comeBack();
		assertThat(held.get().statusCode()).isEqualTo(200);
	}

	@Test
	void tokenRequestsShowTheAssertionsHeaderAndClaimsButNotTheAssertion() {
		String assertion = client.assertion((claims) -> claims.jwtID("id-1"));
		client.requestToken(assertion);
		TokenRequest request = zitadel.tokenRequests().get(0);
		assertThat(request.granted()).isTrue();
		assertThat(request.grantType()).isEqualTo(Client.JWT_BEARER);
		assertThat(request.scopes()).containsExactly("openid", "urn:zitadel:iam:org:project:id:zitadel:aud");
		assertThat(request.assertionHeader()).containsEntry("alg", "RS256").containsEntry("kid", zitadel.keyId());
		assertThat(request.assertionClaims()).containsEntry("iss", zitadel.userId())
			.containsEntry("sub", zitadel.userId())
			.containsEntry("aud", zitadel.issuer())
			.containsEntry("jti", "id-1")
			.containsKeys("iat", "exp");
		assertThat(request.parameters()).containsOnlyKeys("grant_type", "scope");
		assertThat(request.header("content-type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(request.toString()).doesNotContain(assertion);
	}

	@Test
	void apiCallsShowTheirHeadersAndBodies() {
		String token = client.token();
		Client.send(client.request("/management/v1/users/_search")
			.header("Authorization", "Bearer " + token)
			.header("x-zitadel-orgid", zitadel.organizationId())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"queries\":[]}")));
		Client.send(client.request("/auth/v1/users/me?x=1"));
		List<ApiCall> calls = zitadel.apiCalls();
		assertThat(calls).hasSize(2);
		ApiCall search = calls.get(0);
		assertThat(search.method()).isEqualTo("POST");
		assertThat(search.path()).isEqualTo("/management/v1/users/_search");
		assertThat(search.header("Authorization")).isEqualTo("Bearer " + token);
		assertThat(search.organizationId()).isEqualTo(zitadel.organizationId());
		assertThat(search.body()).isEqualTo("{\"queries\":[]}");
		assertThat(search.status()).isEqualTo(200);
		assertThat(search.toString()).doesNotContain(token);
		assertThat(calls.get(1).status()).isEqualTo(401);
		assertThat(calls.get(1).query()).isEqualTo("x=1");
		assertThat(calls.get(1).header("Authorization")).isNull();
		zitadel.clearRecords();
		assertThat(zitadel.apiCalls()).isEmpty();
		assertThat(zitadel.tokenRequests()).isEmpty();
	}

	@Test
	void manyCallersAtOnceAreAllAnsweredAndRecorded() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(16);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				statuses.add(executor.submit(() -> client.get("/auth/v1/users/me", client.token()).statusCode()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(zitadel.tokenRequests()).hasSize(64).allMatch(TokenRequest::granted);
		assertThat(zitadel.apiCalls()).hasSize(64).allMatch((call) -> call.status() == 200);
	}

	@Test
	void closedRefusesConnectionsAndCannotComeBack() {
		LocalZitadel closed = LocalZitadel.start();
		Client closedClient = new Client(closed);
		closed.close();
		closed.comeBack();
		assertThat(closed.isUp()).isFalse();
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> Client.send(closedClient.request("/debug/healthz")));
	}

	@Test
	void nonsenseSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> zitadel.refuseNextAssertions(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> zitadel.delayTokenResponses(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalZitadel.builder().accessTokenLifetime(Duration.ofMillis(500)));
		assertThatIllegalArgumentException().isThrownBy(() -> LocalZitadel.builder().issuerHost("example.com"));
		assertThatIllegalArgumentException().isThrownBy(() -> zitadel.answer("GET", "no-slash", Answer.json(200, "{}")));
		assertThatIllegalArgumentException().isThrownBy(() -> Answer.json(42, "{}"));
	}

	@Test
	void toStringShowsNoSecret() {
		assertThat(zitadel.toString()).isEqualTo("LocalZitadel[" + zitadel.issuer() + "]");
	}

}
