package io.github.zitadelstarter.resourceserver;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zitadelstarter.resourceserver.IntrospectionObserver.Outcome;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestOperations;

/**
 * Checks opaque tokens by ZITADEL's introspection, with a result per token kept for a
 * bounded time and one introspection in flight per token however many requests carry it.
 * Requests wait at most {@link IntrospectionSettings#maxWait()}; when ZITADEL cannot tell,
 * they fail with {@link ZitadelUnavailableException}, while tokens already known valid keep
 * working until their result expires.
 *
 * <p>
 * The introspection itself is Spring Security's {@link SpringOpaqueTokenIntrospector},
 * authenticated as {@link IntrospectionClientAuthentication} says, with the issuer, the
 * audience and the expiry of the answer checked.
 */
public final class ZitadelOpaqueTokenIntrospector implements OpaqueTokenIntrospector, AutoCloseable {

	/**
	 * What a health check introspects: no token ZITADEL issued, so it answers
	 * {@code active: false} once it has authenticated the API application.
	 */
	static final String PROBE_TOKEN = "zitadel-spring-health-probe";

	private final OpaqueTokenIntrospector delegate;

	private final IntrospectionSettings settings;

	private final IntrospectionCache cache;

	private final ExecutorService executor;

	private volatile IntrospectionObserver observer = IntrospectionObserver.NONE;

	/**
	 * Creates an introspector around another, such as Spring Security's.
	 * @param delegate the introspection, which throws
	 * {@link org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException}
	 * for a token that is not valid
	 * @param settings the cache and wait settings
	 * @param clock the clock
	 */
	public ZitadelOpaqueTokenIntrospector(OpaqueTokenIntrospector delegate, IntrospectionSettings settings,
			Clock clock) {
		this.delegate = delegate;
		this.settings = settings;
		this.cache = new IntrospectionCache(settings, clock);
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "zitadel-introspection-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Creates an introspector of ZITADEL's {@code {issuer}/oauth/v2/introspect}.
	 * @param issuer the issuer, without a trailing slash
	 * @param audience what a token's {@code aud} must contain, such as the project id
	 * @param authentication how the API application authenticates
	 * @param restOperations the HTTP client, with the application's timeouts and TLS
	 * @param settings the cache and wait settings
	 * @param clock the clock
	 * @return the introspector
	 */
	public static ZitadelOpaqueTokenIntrospector create(String issuer, String audience,
			IntrospectionClientAuthentication authentication, RestOperations restOperations,
			IntrospectionSettings settings, Clock clock) {
		URI uri = introspectionUri(issuer);
		SpringOpaqueTokenIntrospector introspector = new SpringOpaqueTokenIntrospector(uri.toString(), restOperations);
		introspector.setRequestEntityConverter((token) -> {
			HttpHeaders headers = new HttpHeaders();
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("token", token);
			authentication.apply(headers, form);
			return new RequestEntity<>(form, headers, HttpMethod.POST, uri);
		});
		IntrospectionClaims claims = new IntrospectionClaims(issuer, audience, clock);
		introspector.setAuthenticationConverter((accessor) -> claims.principal(accessor.getClaims()));
		return new ZitadelOpaqueTokenIntrospector(introspector, settings, clock);
	}

	static URI introspectionUri(String issuer) {
		return URI.create(issuer + "/oauth/v2/introspect");
	}

	/**
	 * Sets what watches each request's introspection, such as Micrometer's observations.
	 * @param observer the observer, {@link IntrospectionObserver#NONE} by default
	 */
	public void setObserver(IntrospectionObserver observer) {
		this.observer = observer;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		IntrospectionObserver.Observed observed = this.observer.start();
		IntrospectionCache.Lookup lookup = this.cache.lookUp(token,
				(each) -> CompletableFuture.supplyAsync(() -> this.delegate.introspect(each), this.executor)
					.orTimeout(this.settings.maxWait().toMillis(), TimeUnit.MILLISECONDS));
		try {
			OAuth2AuthenticatedPrincipal principal = await(lookup.result());
			observed.stop(lookup.use(), Outcome.ACTIVE, null);
			return principal;
		}
		catch (RuntimeException ex) {
			observed.stop(lookup.use(), IntrospectionCache.outcome(ex), ex);
			throw ex;
		}
	}

	/**
	 * Asks ZITADEL's introspection about a token that it never issued, past the cache, for a
	 * health check: returns when ZITADEL answered (that the token is not active), throws when
	 * it could not be reached, refused the API application or did not answer within
	 * {@code max-wait}.
	 */
	public void probe() {
		try {
			CompletableFuture.runAsync(() -> this.delegate.introspect(PROBE_TOKEN), this.executor)
				.get(this.settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new ZitadelUnavailableException("ZITADEL's token introspection did not answer within "
					+ this.settings.maxWait().toMillis() + " ms", this.settings.coolDown(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZitadelUnavailableException("Interrupted while waiting for ZITADEL's token introspection",
					this.settings.coolDown(), ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = IntrospectionCache.unwrap(ex);
			if (!(cause instanceof BadOpaqueTokenException)) {
				throw new ZitadelUnavailableException("ZITADEL's token introspection failed: " + cause.getMessage(),
						this.settings.coolDown(), cause);
			}
		}
	}

	private OAuth2AuthenticatedPrincipal await(CompletableFuture<OAuth2AuthenticatedPrincipal> result) {
		try {
			return result.get(this.settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new ZitadelUnavailableException("ZITADEL's token introspection did not answer within "
					+ this.settings.maxWait().toMillis() + " ms", this.settings.coolDown(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ZitadelUnavailableException("Interrupted while waiting for ZITADEL's token introspection",
					this.settings.coolDown(), ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = IntrospectionCache.unwrap(ex);
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new OAuth2IntrospectionException(String.valueOf(cause.getMessage()), cause);
		}
	}

	/** How many introspection results are kept. */
	int cachedResults() {
		return this.cache.size();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
