package io.github.zitadelstarter.actions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Posts to an application's target as ZITADEL does: the exact bytes, the signature header as given. */
final class SignedCalls {

	static final String KEY = "sk_test_3f9a7c1e5b2d8f4a6c0e9b7d";

	static final String EVENTS_KEY = "sk_test_events_8d2f6b0a4c9e1f7b";

	static final String FUNCTION = """
			{"function":"function/preaccesstoken","userinfo":{"sub":"user-1"},
			 "user":{"id":"user-1","preferred_login_name":"ada@example.com","human":{"display_name":"Ada Lovelace"}}}""";

	static final String EVENT = """
			{"aggregateID":"user-1","aggregateType":"user","resourceOwner":"org-1","instanceID":"instance-1",
			 "version":"v2","sequence":1,"event_type":"user.human.added","created_at":"2026-01-15T10:00:00Z",
			 "userID":"admin-1","event_payload":{"userName":"ada"}}""";

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	SignedCalls(int port) {
		this.base = "http://localhost:" + port;
	}

	HttpResponse<String> post(String path, String body, @Nullable String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (signature != null) {
			request.header(ActionSignature.HEADER, signature);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static String sign(String body, String key) {
		return sign(Instant.now(), body, key);
	}

	static String sign(Instant time, String body, String key) {
		return ActionSignature.header(time, body.getBytes(StandardCharsets.UTF_8), key);
	}

}
