package io.github.zitadelstarter.it.webfluxresourceserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The application's API over real HTTP, as a client calls it.
 */
final class Api {

	// HTTP/1.1, as the servers speak it: no h2c upgrade attempt, which the JDK client makes on
	// every new connection by default (one of 16 concurrent first requests once went unanswered
	// for 20 s with it, in a loaded CI leg on Java 25; the cause was not pinned down).
	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Api() {
	}

	static HttpResponse<String> get(int port, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
