package io.github.zitadelstarter.restclient;

import java.io.IOException;

import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Authenticates {@link org.springframework.web.client.RestClient} requests as the ZITADEL
 * service user: adds {@code Authorization: Bearer <token>} and, when an organization is
 * configured and the request does not name one itself, {@code x-zitadel-orgid}. A request
 * that ZITADEL answers with 401 is sent once more with a new token; a second 401 reaches the
 * caller.
 *
 * <p>
 * Put it on a builder of your own with
 * {@code builder.requestInterceptor(zitadelClientHttpRequestInterceptor)}. A thread that
 * finds a valid token cached neither blocks nor waits for a lock.
 */
public final class ZitadelClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private final ZitadelTokenSource tokenSource;

	private final ZitadelRequestHeaders headers;

	public ZitadelClientHttpRequestInterceptor(ZitadelTokenSource tokenSource, ZitadelRequestHeaders headers) {
		this.tokenSource = tokenSource;
		this.headers = headers;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		OAuth2AccessToken token = this.tokenSource.getTokenBlocking();
		ClientHttpResponse response = execution.execute(authenticated(request, token), body);
		if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
			return response;
		}
		// ZITADEL refused the token (revoked, expired early, instance restarted): forget it
		// and send the request, whose body is at hand, once more with a new one.
		response.close();
		this.tokenSource.invalidate(token);
		return execution.execute(authenticated(request, this.tokenSource.getTokenBlocking()), body);
	}

	private HttpRequest authenticated(HttpRequest request, OAuth2AccessToken token) {
		this.headers.apply(request.getHeaders(), token);
		return request;
	}

	@Override
	public String toString() {
		return "ZitadelClientHttpRequestInterceptor[" + this.headers + "]";
	}

}
