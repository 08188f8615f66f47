package io.github.zitadelstarter.resourceserver;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers a failed bearer token authentication of a servlet application: {@code 503} with
 * {@code Retry-After} when ZITADEL could not tell ({@link ZitadelUnavailableException}), and
 * as the entry point does otherwise ({@code 401} with {@code WWW-Authenticate}). Spring
 * Security's own failure handler rethrows the former instead, which a servlet container turns
 * into an error dispatch that the application's security then answers as it sees fit.
 * <p>
 * An application's own security sets it with
 * {@code oauth2ResourceServer((rs) -> rs.jwt(withDefaults()).withObjectPostProcessor(ZitadelBearerTokenFailureHandler.postProcessor()))};
 * the starter's own default security does so.
 */
public final class ZitadelBearerTokenFailureHandler implements AuthenticationFailureHandler {

	private final AuthenticationEntryPoint entryPoint;

	/** Answers other failures with Spring Security's {@link BearerTokenAuthenticationEntryPoint}. */
	public ZitadelBearerTokenFailureHandler() {
		this(new BearerTokenAuthenticationEntryPoint());
	}

	/**
	 * Creates the handler.
	 * @param entryPoint answers the other failures
	 */
	public ZitadelBearerTokenFailureHandler(AuthenticationEntryPoint entryPoint) {
		this.entryPoint = entryPoint;
	}

	/**
	 * Sets this handler, with Spring Security's entry point for other failures, on the
	 * {@code BearerTokenAuthenticationFilter} that {@code oauth2ResourceServer(...)} creates.
	 * @return the post-processor for {@code withObjectPostProcessor}
	 */
	public static ObjectPostProcessor<BearerTokenAuthenticationFilter> postProcessor() {
		return new ObjectPostProcessor<>() {

			@Override
			public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
				filter.setAuthenticationFailureHandler(new ZitadelBearerTokenFailureHandler());
				return filter;
			}

		};
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (!(exception instanceof ZitadelUnavailableException unavailable)) {
			this.entryPoint.commence(request, response, exception);
			return;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER,
				Long.toString(Math.max(1, (unavailable.getRetryAfter().toMillis() + 999) / 1000)));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write("{\"error\":\"temporarily_unavailable\",\"error_description\":"
					+ "\"The token cannot be checked now: ZITADEL cannot be reached. Try again later.\"}");
	}

}
