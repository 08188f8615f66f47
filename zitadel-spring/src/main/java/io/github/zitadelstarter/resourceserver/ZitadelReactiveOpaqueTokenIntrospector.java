package io.github.zitadelstarter.resourceserver;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import io.github.zitadelstarter.resourceserver.IntrospectionObserver.Outcome;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The reactive {@link ZitadelOpaqueTokenIntrospector}: the same cache, single flight, bounded
 * waits and failure memory, without blocking a thread. Spring Security's reactive
 * introspector cannot add a client assertion to its form, so the request (RFC 7662) is made
 * here.
 */
public final class ZitadelReactiveOpaqueTokenIntrospector implements ReactiveOpaqueTokenIntrospector {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final URI uri;

	private final IntrospectionClientAuthentication authentication;

	private final WebClient webClient;

	private final IntrospectionClaims claims;

	private final IntrospectionSettings settings;

	private final IntrospectionCache cache;

	private volatile IntrospectionObserver observer = IntrospectionObserver.NONE;

	/**
	 * Creates an introspector of ZITADEL's {@code {issuer}/oauth/v2/introspect}.
	 * @param issuer the issuer, without a trailing slash
	 * @param audience what a token's {@code aud} must contain, such as the project id
	 * @param authentication how the API application authenticates
	 * @param webClient the HTTP client, with the application's connector and TLS
	 * @param settings the cache and wait settings
	 * @param clock the clock
	 */
	public ZitadelReactiveOpaqueTokenIntrospector(String issuer, String audience,
			IntrospectionClientAuthentication authentication, WebClient webClient, IntrospectionSettings settings,
			Clock clock) {
		this.uri = ZitadelOpaqueTokenIntrospector.introspectionUri(issuer);
		this.authentication = authentication;
		this.webClient = webClient;
		this.claims = new IntrospectionClaims(issuer, audience, clock);
		this.settings = settings;
		this.cache = new IntrospectionCache(settings, clock);
	}

	/**
	 * Sets what watches each request's introspection, such as Micrometer's observations.
	 * @param observer the observer, {@link IntrospectionObserver#NONE} by default
	 */
	public void setObserver(IntrospectionObserver observer) {
		this.observer = observer;
	}

	@Override
	public Mono<OAuth2AuthenticatedPrincipal> introspect(String token) {
		return Mono.defer(() -> {
			IntrospectionObserver.Observed observed = this.observer.start();
			IntrospectionCache.Lookup lookup = this.cache.lookUp(token, (each) -> request(each).toFuture());
			// suppressCancel: one caller giving up must not cancel the introspection the others wait for.
			return Mono.fromFuture(lookup.result(), true)
				.timeout(this.settings.maxWait(), Mono.error(() -> new ZitadelUnavailableException(
						"ZITADEL's token introspection did not answer within " + this.settings.maxWait().toMillis()
								+ " ms",
						this.settings.coolDown(), null)))
				.doOnSuccess((principal) -> observed.stop(lookup.use(), Outcome.ACTIVE, null))
				.doOnError((ex) -> observed.stop(lookup.use(), IntrospectionCache.outcome(ex), ex))
				.doOnCancel(() -> observed.stop(lookup.use(), Outcome.CANCELLED, null));
		});
	}

	/**
	 * Asks ZITADEL's introspection about a token that it never issued, past the cache, for a
	 * health check: completes when ZITADEL answered (that the token is not active), fails when
	 * it could not be reached, refused the API application or did not answer within
	 * {@code max-wait}.
	 * @return the check
	 */
	public Mono<Void> probe() {
		return request(ZitadelOpaqueTokenIntrospector.PROBE_TOKEN).then()
			.onErrorResume(BadOpaqueTokenException.class, (ex) -> Mono.empty());
	}

	private Mono<OAuth2AuthenticatedPrincipal> request(String token) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", token);
		return this.webClient.post()
			.uri(this.uri)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> this.authentication.apply(headers, form))
			.body(BodyInserters.fromFormData(form))
			.exchangeToMono(this::read)
			.map(this::principal)
			.timeout(this.settings.maxWait())
			.onErrorMap((ex) -> !(ex instanceof OAuth2IntrospectionException),
					(ex) -> new OAuth2IntrospectionException(String.valueOf(ex.getMessage()), ex));
	}

	private Mono<Map<String, Object>> read(ClientResponse response) {
		if (response.statusCode() != HttpStatus.OK) {
			return response.bodyToFlux(DataBuffer.class)
				.map(DataBufferUtils::release)
				.then(Mono.error(new OAuth2IntrospectionException(
						"Introspection endpoint responded with " + response.statusCode())));
		}
		return response.bodyToMono(JSON_OBJECT);
	}

	private OAuth2AuthenticatedPrincipal principal(Map<String, Object> answer) {
		Object active = answer.get("active");
		if (!(Boolean.TRUE.equals(active) || "true".equals(active))) {
			throw new BadOpaqueTokenException("Provided token isn't active");
		}
		return this.claims.principal(answer);
	}

}
