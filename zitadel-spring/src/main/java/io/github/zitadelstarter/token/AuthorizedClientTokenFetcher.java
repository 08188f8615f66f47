package io.github.zitadelstarter.token;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Fetches access tokens through one of Spring Security's authorized client providers: the
 * JWT-bearer provider, handed a freshly signed assertion for every request, or the
 * client-credentials provider.
 *
 * <p>
 * The assertion travels in the {@link OAuth2AuthorizationContext}'s attributes; configure
 * the JWT-bearer provider with {@link #reactiveAssertionResolver()} or
 * {@link #assertionResolver()}. Signing it here, rather than inside the provider, lets a
 * failure name the claims that were sent.
 */
public final class AuthorizedClientTokenFetcher implements AccessTokenFetcher {

	/** The context attribute that carries the signed assertion to the provider. */
	public static final String ASSERTION_ATTRIBUTE = AuthorizedClientTokenFetcher.class.getName() + ".assertion";

	private final String kind;

	private final ClientRegistration registration;

	private final @Nullable ServiceUserAssertionSigner signer;

	private final Function<OAuth2AuthorizationContext, Mono<OAuth2AuthorizedClient>> provider;

	private final Duration requestTimeout;

	private final Authentication principal;

	private AuthorizedClientTokenFetcher(String kind, ClientRegistration registration,
			@Nullable ServiceUserAssertionSigner signer,
			Function<OAuth2AuthorizationContext, Mono<OAuth2AuthorizedClient>> provider, Duration requestTimeout) {
		this.kind = kind;
		this.registration = registration;
		this.signer = signer;
		this.provider = provider;
		this.requestTimeout = requestTimeout;
		this.principal = UsernamePasswordAuthenticationToken.authenticated(registration.getClientId(), null,
				List.of());
	}

	/**
	 * A fetcher over a reactive provider, which never blocks a thread.
	 * @param registration the registration of the grant
	 * @param signer signs the assertions of the JWT-bearer grant; {@code null} for other
	 * grants
	 * @param provider Spring Security's provider for the registration's grant, configured
	 * with {@link #reactiveAssertionResolver()} for the JWT-bearer grant
	 * @param requestTimeout the deadline of one whole token request
	 * @return the fetcher
	 */
	public static AuthorizedClientTokenFetcher reactive(ClientRegistration registration,
			@Nullable ServiceUserAssertionSigner signer, ReactiveOAuth2AuthorizedClientProvider provider,
			Duration requestTimeout) {
		return new AuthorizedClientTokenFetcher("reactive", registration, signer, provider::authorize, requestTimeout);
	}

	/**
	 * A fetcher over a blocking provider, for applications without WebFlux. The request runs
	 * on Reactor's bounded elastic scheduler.
	 * @param registration the registration of the grant
	 * @param signer signs the assertions of the JWT-bearer grant; {@code null} for other
	 * grants
	 * @param provider Spring Security's provider for the registration's grant, configured
	 * with {@link #assertionResolver()} for the JWT-bearer grant
	 * @param requestTimeout the deadline of one whole token request
	 * @return the fetcher
	 */
	public static AuthorizedClientTokenFetcher blocking(ClientRegistration registration,
			@Nullable ServiceUserAssertionSigner signer, OAuth2AuthorizedClientProvider provider,
			Duration requestTimeout) {
		return new AuthorizedClientTokenFetcher("blocking", registration, signer,
				(context) -> Mono.fromCallable(() -> BlockingOutcome.of(provider, context))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap(BlockingOutcome::toMono),
				requestTimeout);
	}

	/** The assertion resolver for {@code JwtBearerReactiveOAuth2AuthorizedClientProvider}. */
	public static Function<OAuth2AuthorizationContext, Mono<Jwt>> reactiveAssertionResolver() {
		return (context) -> Mono.justOrEmpty(context.<Jwt>getAttribute(ASSERTION_ATTRIBUTE));
	}

	/**
	 * The assertion resolver for {@code JwtBearerOAuth2AuthorizedClientProvider}; without an
	 * assertion in the context it resolves none, and the provider then authorizes nothing.
	 */
	public static Function<OAuth2AuthorizationContext, @Nullable Jwt> assertionResolver() {
		return (context) -> context.getAttribute(ASSERTION_ATTRIBUTE);
	}

	@Override
	public Mono<OAuth2AccessToken> fetchToken() {
		return Mono.defer(() -> {
			Jwt assertion = (this.signer != null) ? this.signer.sign() : null;
			OAuth2AuthorizationContext.Builder context = OAuth2AuthorizationContext
				.withClientRegistration(this.registration)
				.principal(this.principal);
			if (assertion != null) {
				context.attribute(ASSERTION_ATTRIBUTE, assertion);
			}
			return this.provider.apply(context.build())
				.switchIfEmpty(Mono.error(() -> new IllegalStateException("The authorized client provider returned "
						+ "no token; is it the provider of the " + this.registration.getAuthorizationGrantType().getValue()
						+ " grant, configured with AuthorizedClientTokenFetcher's assertion resolver?")))
				.map(OAuth2AuthorizedClient::getAccessToken)
				// Read timeouts restart with every byte: only a deadline stops an answer that trickles.
				.timeout(this.requestTimeout, Mono.error(() -> new TimeoutException(
						"no complete answer within " + this.requestTimeout.toMillis() + " ms (zitadel.token.timeout)")))
				.onErrorMap((ex) -> ZitadelTokenException.explain(ex,
						this.registration.getProviderDetails().getTokenUri(), assertion));
		});
	}

	/**
	 * How a blocking token request ended, as a value. A request that fails after its caller
	 * gave up (the deadline passed) is then dropped quietly; thrown, its exception would go to
	 * Reactor's onErrorDropped hook, which logs it as an error with its stack trace, although
	 * the caller has already reported the timeout.
	 */
	private record BlockingOutcome(@Nullable OAuth2AuthorizedClient client, @Nullable RuntimeException failure) {

		static BlockingOutcome of(OAuth2AuthorizedClientProvider provider, OAuth2AuthorizationContext context) {
			try {
				return new BlockingOutcome(provider.authorize(context), null);
			}
			catch (RuntimeException ex) {
				return new BlockingOutcome(null, ex);
			}
		}

		Mono<OAuth2AuthorizedClient> toMono() {
			return (this.failure != null) ? Mono.error(this.failure) : Mono.justOrEmpty(this.client);
		}

	}

	@Override
	public String toString() {
		return "AuthorizedClientTokenFetcher[" + this.kind + ", " + this.registration.getAuthorizationGrantType().getValue()
				+ ", tokenUri=" + this.registration.getProviderDetails().getTokenUri() + ", clientId="
				+ this.registration.getClientId() + "]";
	}

}
