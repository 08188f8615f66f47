package io.github.zitadelstarter.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local ZITADEL calls an application's target as ZITADEL would: created through the
 * {@code ActionService} with the signing key it answers, bound by {@code SetExecution}, and
 * called with ZITADEL's payloads, signed. The "application" here is a bare HTTP server that
 * records what arrives and checks the signature with its own HMAC.
 */
class LocalActionsTests {

	private final LocalZitadel zitadel = LocalZitadel.start();

	private final Client client = new Client(this.zitadel);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private HttpServer application;

	@BeforeEach
	void startApplication() throws IOException {
		this.application = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.application.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("ZITADEL-Signature"),
					exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
			byte[] answer = "{\"append_claims\":[{\"key\":\"greeting\",\"value\":\"hi\"}]}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.application.start();
	}

	@AfterEach
	void stop() {
		this.application.stop(0);
		this.zitadel.close();
	}

	@Test
	void createTargetAnswersTheSigningKeyAndSetExecutionBindsIt() throws Exception {
		String token = this.client.token();
		Map<String, Object> created = Client.json(this.client.postJson("/zitadel.action.v2.ActionService/CreateTarget",
				token, "{\"name\":\"events\",\"restWebhook\":{},\"endpoint\":\"" + endpoint("/actions/events")
						+ "\",\"timeout\":\"10s\"}"));
		assertThat((String) created.get("signingKey")).hasSizeGreaterThan(20);
		assertThat(this.client.postJson("/zitadel.action.v2.ActionService/SetExecution", token,
				"{\"condition\":{\"event\":{\"group\":\"user.human\"}},\"targets\":[\"" + created.get("id") + "\"]}")
			.statusCode()).isEqualTo(200);
		assertThat(this.zitadel.actions().executions()).containsEntry("event/user.human.*",
				List.of((String) created.get("id")));

		List<TargetCall> calls = this.zitadel.actions().fireEvent("user.human.added", "user-1", Map.of("userName", "ada"));

		assertThat(calls).singleElement().satisfies((call) -> assertThat(call.status()).isEqualTo(200));
		Received event = this.received.get(0);
		assertThat(event.path()).isEqualTo("/actions/events");
		assertThat(event.contentType()).isEqualTo("application/json");
		assertThat(event.signature()).isEqualTo(signature(event.signature(), event.body(), (String) created.get("signingKey")));
		Map<String, Object> payload = JSONObjectUtils.parse(event.body());
		assertThat(payload).containsEntry("event_type", "user.human.added")
			.containsEntry("aggregateID", "user-1")
			.containsEntry("aggregateType", "user")
			.containsEntry("resourceOwner", this.zitadel.organizationId())
			.containsEntry("event_payload", Map.of("userName", "ada"))
			.containsKeys("instanceID", "created_at", "sequence");
		assertThat(this.zitadel.actions().fireEvent("org.added", "org-1", Map.of())).isEmpty();
	}

	@Test
	void aFunctionCallCarriesTheUserAndReturnsTheApplicationsAnswer() throws Exception {
		LocalTarget target = this.zitadel.actions().addTarget("tokens", endpoint("/actions/preaccesstoken"));
		String userId = this.zitadel.addHumanUser("grace", "Grace", "Hopper");

		TargetCall call = target.callFunction("preaccesstoken", userId);

		assertThat(call.status()).isEqualTo(200);
		assertThat(call.body()).contains("\"append_claims\"");
		Map<String, Object> payload = JSONObjectUtils.parse(this.received.get(0).body());
		assertThat(payload).containsEntry("function", "function/preaccesstoken");
		assertThat(JSONObjectUtils.getJSONObject(payload, "userinfo")).containsEntry("sub", userId);
		Map<String, Object> user = JSONObjectUtils.getJSONObject(payload, "user");
		assertThat(user).containsEntry("id", userId).containsEntry("username", "grace");
		assertThat(JSONObjectUtils.getJSONObject(user, "human")).containsEntry("display_name", "Grace Hopper")
			.containsEntry("first_name", "Grace");
		assertThat(JSONObjectUtils.getJSONObject(payload, "org")).containsEntry("id", this.zitadel.organizationId());
		assertThat(this.received.get(0).signature())
			.isEqualTo(signature(this.received.get(0).signature(), this.received.get(0).body(), target.signingKey()));
	}

	@Test
	void aRequestExecutionCarriesTheMethodAndTheRequest() throws Exception {
		LocalTarget target = this.zitadel.actions().addTarget("create-user", endpoint("/actions/create-user"));

		target.callRequest("/zitadel.user.v2.UserService/CreateUser", "{\"organizationId\":\"org-1\",\"username\":\"ada\"}");

		Map<String, Object> payload = JSONObjectUtils.parse(this.received.get(0).body());
		assertThat(payload).containsEntry("fullMethod", "/zitadel.user.v2.UserService/CreateUser")
			.containsEntry("orgID", this.zitadel.organizationId())
			.containsEntry("userID", this.zitadel.userId())
			.containsEntry("request", Map.of("organizationId", "org-1", "username", "ada"));
	}

	@Test
	void aTestCanSendWhatZitadelNeverWould() {
		LocalTarget target = this.zitadel.actions().addTarget("events", endpoint("/actions/events"));
		String stale = target.signature(Instant.now().minusSeconds(3600), "{}");

		target.send("{}", stale);
		target.send("{}", null);

		assertThat(this.received.get(0).signature()).isEqualTo(stale);
		assertThat(this.received.get(1).signature()).isNull();
	}

	private String endpoint(String path) {
		return "http://localhost:" + this.application.getAddress().getPort() + path;
	}

	/** The header recomputed for its own t, with HMAC-SHA256 over "t.body". */
	private static String signature(String header, String body, String key) throws Exception {
		String t = header.substring(2, header.indexOf(','));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
	}

	private record Received(String path, String signature, String contentType, String body) {
	}

}
