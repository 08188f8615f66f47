package io.github.zitadelstarter.plainspring;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.zitadelstarter.api.ZitadelClients;
import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import io.github.zitadelstarter.assertion.ZitadelClock;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.restclient.ZitadelClientHttpRequestInterceptor;
import io.github.zitadelstarter.token.AuthorizedClientTokenFetcher;
import io.github.zitadelstarter.token.TokenRequestRetry;
import io.github.zitadelstarter.token.TokenResponseClients;
import io.github.zitadelstarter.token.ZitadelOrigins;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * ZITADEL in a Spring application without Spring Boot: the service user's key, its token
 * source and a {@link RestClient} that calls ZITADEL as the service user, with the typed
 * clients over it. This is what {@code docs/spring-without-boot.md} shows.
 */
@Configuration(proxyBeanMethods = false)
public class ZitadelConfiguration {

	@Bean
	ServiceUserAssertionSigner zitadelAssertionSigner(@Value("${zitadel.issuer}") String issuer,
			@Value("${zitadel.key-json}") String keyJson) {
		ServiceUserKey key = ServiceUserKey.fromJson(keyJson);
		ZitadelClock zitadelClock = new ZitadelClock(Clock.systemUTC(), Duration.ofSeconds(10));
		return new ServiceUserAssertionSigner(key, ZitadelOrigins.canonical(URI.create(issuer)), Duration.ofMinutes(5),
				Duration.ofSeconds(10), zitadelClock);
	}

	/** Requests, caches and refreshes the access tokens; stopped with the context. */
	@Bean
	ZitadelTokenSource zitadelTokenSource(@Value("${zitadel.issuer}") String issuer,
			ServiceUserAssertionSigner signer) {
		// The token request never follows a redirect: the JDK client's default.
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		requestFactory.setReadTimeout(Duration.ofSeconds(10));
		JwtBearerOAuth2AuthorizedClientProvider provider = new JwtBearerOAuth2AuthorizedClientProvider();
		provider.setJwtAssertionResolver(AuthorizedClientTokenFetcher.assertionResolver());
		provider.setAccessTokenResponseClient(TokenResponseClients.jwtBearer(requestFactory, Duration.ofMinutes(5),
				Clock.systemUTC(), new ZitadelClock(Clock.systemUTC(), Duration.ofSeconds(10))));
		ClientRegistration registration = ClientRegistration.withRegistrationId(ZitadelTokenSource.REGISTRATION_ID)
			.authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.clientId(signer.getKey().getUserId())
			.tokenUri(issuer + "/oauth/v2/token")
			.scope("openid", "urn:zitadel:iam:org:project:id:zitadel:aud")
			.build();
		return new ZitadelTokenSource(
				AuthorizedClientTokenFetcher.blocking(registration, signer, provider, Duration.ofSeconds(15)),
				new TokenRequestRetry(6, 3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)),
				Clock.systemUTC());
	}

	/** Calls ZITADEL as the service user; the token goes to the issuer's origin only. */
	@Bean
	RestClient zitadelRestClient(@Value("${zitadel.issuer}") String issuer, ZitadelTokenSource tokenSource) {
		return RestClient.builder()
			.baseUrl(issuer)
			.requestInterceptor(new ZitadelClientHttpRequestInterceptor(tokenSource, new ZitadelRequestHeaders(null),
					new ZitadelOrigins(URI.create(issuer), List.of())))
			.build();
	}

	@Bean
	ZitadelClients zitadelClients(RestClient zitadelRestClient) {
		return ZitadelClients.over(zitadelRestClient);
	}

}
