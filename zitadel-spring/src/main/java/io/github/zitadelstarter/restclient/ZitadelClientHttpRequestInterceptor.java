package io.github.zitadelstarter.restclient;

import java.io.IOException;

import io.github.zitadelstarter.token.ZitadelCallEvidence;
import io.github.zitadelstarter.token.ZitadelOrigins;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Authenticates {@link org.springframework.web.client.RestClient} requests to ZITADEL as the
 * service user: adds {@code Authorization: Bearer <token>} and, when an organization is
 * configured and the request does not name one itself, {@code x-zitadel-orgid}. Requests to
 * any other origin than ZITADEL's pass through untouched. A request that ZITADEL answers
 * with 401 is sent once more with a new token, unless the token source is pausing after
 * refused tokens; a second 401 reaches the caller.
 *
 * <p>
 * Put it on a builder of your own with
 * {@code builder.requestInterceptor(zitadelClientHttpRequestInterceptor)}. A thread that
 * finds a valid token cached neither blocks nor waits for a lock. It refuses to run on a
 * non-blocking (event-loop) thread, where a blocking client would stall the server.
 */
public final class ZitadelClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private final ZitadelTokenSource tokenSource;

	private final ZitadelRequestHeaders headers;

	private final ZitadelOrigins origins;

	public ZitadelClientHttpRequestInterceptor(ZitadelTokenSource tokenSource, ZitadelRequestHeaders headers,
			ZitadelOrigins origins) {
		this.tokenSource = tokenSource;
		this.headers = headers;
		this.origins = origins;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.origins.contains(request.getURI())) {
			return execution.execute(request, body);
		}
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("A blocking RestClient call to ZITADEL (" + request.getMethod() + " "
					+ request.getURI().getPath() + ") was made on the non-blocking thread "
					+ Thread.currentThread().getName() + ", where it would stall the event loop. In a WebFlux "
					+ "application, call ZITADEL through the zitadelWebClient, or import HTTP interfaces with "
					+ "@ImportHttpServices(group = \"zitadel\", clientType = HttpServiceGroup.ClientType.WEB_CLIENT, "
					+ "types = ...) and let their methods return Mono or Flux.");
		}
		OAuth2AccessToken usable = this.tokenSource.getUsableToken();
		OAuth2AccessToken token = (usable != null) ? usable : this.tokenSource.getTokenBlocking();
		ClientHttpResponse response = send(request, body, execution, token);
		if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()
				|| !this.tokenSource.invalidate(token)) {
			return response;
		}
		// ZITADEL refused the token (revoked, expired early, instance restarted): send the
		// request, whose body is at hand, once more with a new one.
		response.close();
		return send(request, body, execution, this.tokenSource.getTokenBlocking());
	}

	/** Sends the request with the token, and tells the token source what ZITADEL answered. */
	private ClientHttpResponse send(HttpRequest request, byte[] body, ClientHttpRequestExecution execution,
			OAuth2AccessToken token) throws IOException {
		ZitadelCallEvidence evidence = this.tokenSource.getCallEvidence();
		try {
			ClientHttpResponse response = execution.execute(authenticated(request, token), body);
			evidence.answered(response.getStatusCode().value());
			return response;
		}
		catch (IOException ex) {
			evidence.unreachable(ex);
			throw ex;
		}
	}

	private HttpRequest authenticated(HttpRequest request, OAuth2AccessToken token) {
		this.headers.apply(request.getHeaders(), token);
		return request;
	}

	@Override
	public String toString() {
		return "ZitadelClientHttpRequestInterceptor[" + this.headers + ", " + this.origins + "]";
	}

}
