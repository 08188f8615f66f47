package io.github.zitadelstarter.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import io.github.zitadelstarter.assertion.ZitadelClock;
import io.github.zitadelstarter.token.AccessTokenFetcher;
import io.github.zitadelstarter.token.AuthorizedClientTokenFetcher;
import io.github.zitadelstarter.token.PersonalAccessTokenFetcher;
import io.github.zitadelstarter.token.ReactiveTokenResponseClients;
import io.github.zitadelstarter.token.TokenResponseClients;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.JwtBearerReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.Assert;

/**
 * The {@link AccessTokenFetcher} for the configured credential, built on Spring Security's
 * authorized client providers and token response clients. None of those Spring Security
 * objects is a bean: Spring Security and Boot would take them for part of the application's
 * own OAuth2 client setup.
 */
final class ZitadelTokenFetchers {

	/** The scopes without which ZITADEL's own APIs refuse the token. */
	static final List<String> REQUIRED_SCOPES = List.of("openid", "urn:zitadel:iam:org:project:id:zitadel:aud");

	private ZitadelTokenFetchers() {
	}

	/** A fetcher that never blocks a thread, for applications with WebFlux. */
	static AccessTokenFetcher reactive(ServiceUserCredential credential, ZitadelProperties properties,
			@Nullable ServiceUserAssertionSigner signer, ZitadelClock zitadelClock,
			ClientHttpConnectorBuilder<?> connectorBuilder, HttpClientSettings settings) {
		return switch (credential) {
			case JWT_KEY -> {
				var provider = new JwtBearerReactiveOAuth2AuthorizedClientProvider();
				provider.setJwtAssertionResolver(AuthorizedClientTokenFetcher.reactiveAssertionResolver());
				provider.setAccessTokenResponseClient(ReactiveTokenResponseClients.jwtBearer(connector(connectorBuilder, settings),
						properties.getToken().getDefaultLifetime(), Clock.systemUTC(), zitadelClock));
				yield AuthorizedClientTokenFetcher.reactive(registration(credential, properties, signer), signer, provider,
						properties.getToken().getTimeout());
			}
			case CLIENT_SECRET -> {
				var provider = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
				provider.setAccessTokenResponseClient(ReactiveTokenResponseClients.clientCredentials(
						connector(connectorBuilder, settings), properties.getToken().getDefaultLifetime(), Clock.systemUTC()));
				yield AuthorizedClientTokenFetcher.reactive(registration(credential, properties, null), null, provider,
						properties.getToken().getTimeout());
			}
			case PERSONAL_ACCESS_TOKEN -> personalAccessToken(properties);
		};
	}

	/** A fetcher on Spring Security's blocking providers, for applications without WebFlux. */
	static AccessTokenFetcher blocking(ServiceUserCredential credential, ZitadelProperties properties,
			@Nullable ServiceUserAssertionSigner signer, ZitadelClock zitadelClock,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings settings) {
		return switch (credential) {
			case JWT_KEY -> {
				var provider = new JwtBearerOAuth2AuthorizedClientProvider();
				provider.setJwtAssertionResolver(AuthorizedClientTokenFetcher.assertionResolver());
				provider.setAccessTokenResponseClient(TokenResponseClients.jwtBearer(requestFactory(requestFactoryBuilder, settings),
						properties.getToken().getDefaultLifetime(), Clock.systemUTC(), zitadelClock));
				yield AuthorizedClientTokenFetcher.blocking(registration(credential, properties, signer), signer, provider,
						properties.getToken().getTimeout());
			}
			case CLIENT_SECRET -> {
				var provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
				provider.setAccessTokenResponseClient(TokenResponseClients.clientCredentials(
						requestFactory(requestFactoryBuilder, settings), properties.getToken().getDefaultLifetime(), Clock.systemUTC()));
				yield AuthorizedClientTokenFetcher.blocking(registration(credential, properties, null), null, provider,
						properties.getToken().getTimeout());
			}
			case PERSONAL_ACCESS_TOKEN -> personalAccessToken(properties);
		};
	}

	/** The application's connector, with the token request's settings, never following a redirect. */
	private static ClientHttpConnector connector(ClientHttpConnectorBuilder<?> builder, HttpClientSettings settings) {
		return builder.build(settings.withRedirects(HttpRedirects.DONT_FOLLOW));
	}

	/** The application's request factory, with the token request's settings, never following a redirect. */
	private static ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder,
			HttpClientSettings settings) {
		return builder.build(settings.withRedirects(HttpRedirects.DONT_FOLLOW));
	}

	private static AccessTokenFetcher personalAccessToken(ZitadelProperties properties) {
		String token = properties.getServiceUser().getPersonalAccessToken();
		return new PersonalAccessTokenFetcher((token != null) ? token : "", Clock.systemUTC());
	}

	/**
	 * The registration of the service user's grant: the JWT-bearer grant without client
	 * authentication for a key (whose signer names the user), the client-credentials grant
	 * with HTTP Basic for a client secret, each with the scopes ZITADEL's APIs need.
	 */
	static ClientRegistration registration(ServiceUserCredential credential, ZitadelProperties properties,
			@Nullable ServiceUserAssertionSigner signer) {
		Set<String> scopes = new LinkedHashSet<>(REQUIRED_SCOPES);
		scopes.addAll(properties.getScopes());
		ClientRegistration.Builder registration = ClientRegistration
			.withRegistrationId(ZitadelTokenSource.REGISTRATION_ID)
			.tokenUri(ZitadelUrls.tokenEndpoint(properties).toString())
			.issuerUri(ZitadelUrls.base(properties.issuerUri()))
			.scope(scopes);
		if (credential == ServiceUserCredential.CLIENT_SECRET) {
			ZitadelProperties.ServiceUser serviceUser = properties.getServiceUser();
			return registration.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.clientId(String.valueOf(serviceUser.getClientId()))
				.clientSecret(serviceUser.getClientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.build();
		}
		Assert.notNull(signer, "The JWT-bearer grant needs a signer");
		return registration.authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
			.clientId(signer.getKey().getUserId())
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.build();
	}

}
