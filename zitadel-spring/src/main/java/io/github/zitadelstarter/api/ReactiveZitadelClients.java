package io.github.zitadelstarter.api;

import reactor.core.publisher.Mono;

import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import io.github.zitadelstarter.api.authorization.ReactiveAuthorizationServiceClient;
import io.github.zitadelstarter.api.organization.ReactiveOrganizationServiceClient;
import io.github.zitadelstarter.api.project.ReactiveProjectServiceClient;
import io.github.zitadelstarter.api.session.ReactiveSessionServiceClient;
import io.github.zitadelstarter.api.settings.ReactiveSettingsServiceClient;
import io.github.zitadelstarter.api.user.ReactiveUserServiceClient;
import io.github.zitadelstarter.observation.ReactiveZitadelApiCallObservationConvention;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;

/**
 * The reactive typed clients of ZITADEL's v2 services, over a {@link WebClient} that
 * authenticates as the service user (the starter's {@code zitadelWebClient}): every call is a
 * {@link Mono} and never blocks. Otherwise as {@link ZitadelClients}.
 */
public final class ReactiveZitadelClients {

	private final WebClient client;

	private final ConnectErrors errors;

	private final HttpServiceProxyFactory factory;

	private final ReactiveUserServiceClient users;

	private final ReactiveOrganizationServiceClient organizations;

	private final ReactiveProjectServiceClient projects;

	private final ReactiveAuthorizationServiceClient authorizations;

	private final ReactiveSessionServiceClient sessions;

	private final ReactiveSettingsServiceClient settings;

	private ReactiveZitadelClients(WebClient client, ConnectErrors errors) {
		this.client = client;
		this.errors = errors;
		this.factory = HttpServiceProxyFactory.builderFor(WebClientAdapter.create(client)).build();
		this.users = client(ReactiveUserServiceClient.class);
		this.organizations = client(ReactiveOrganizationServiceClient.class);
		this.projects = client(ReactiveProjectServiceClient.class);
		this.authorizations = client(ReactiveAuthorizationServiceClient.class);
		this.sessions = client(ReactiveSessionServiceClient.class);
		this.settings = client(ReactiveSettingsServiceClient.class);
	}

	/**
	 * The typed clients over a client that authenticates as the service user.
	 * @param zitadelWebClient the client, with ZITADEL's issuer as base URL, such as the
	 * starter's {@code zitadelWebClient}
	 * @return the typed clients
	 */
	public static ReactiveZitadelClients over(WebClient zitadelWebClient) {
		ConnectErrors errors = new ConnectErrors();
		return new ReactiveZitadelClients(zitadelWebClient.mutate()
			.codecs((codecs) -> {
				codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(ZitadelApiJson.mapper()));
				codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(ZitadelApiJson.mapper()));
			})
			.defaultStatusHandler((status) -> status.isError(),
					(response) -> ConnectErrors.read(response.body(BodyExtractors.toDataBuffers()))
						.map((body) -> errors.exception(response.request(), response.statusCode().value(),
								response.headers().asHttpHeaders(), body)))
			.observationConvention(new ReactiveZitadelApiCallObservationConvention())
			.build(), errors);
	}

	/**
	 * The same clients acting in another organization: their calls carry
	 * {@code x-zitadel-orgid}, whatever {@code zitadel.organization-id} says. Creating them
	 * costs a little; keep them rather than creating them for every call.
	 * @param organizationId the organization's id
	 * @return the clients
	 */
	public ReactiveZitadelClients inOrganization(String organizationId) {
		Assert.hasText(organizationId, "organizationId must not be empty");
		return new ReactiveZitadelClients(
				this.client.mutate().defaultHeader(ZitadelRequestHeaders.ORGANIZATION, organizationId).build(),
				this.errors);
	}

	/**
	 * The client of the user service.
	 * @return the client
	 */
	public ReactiveUserServiceClient users() {
		return this.users;
	}

	/**
	 * The client of the organization service.
	 * @return the client
	 */
	public ReactiveOrganizationServiceClient organizations() {
		return this.organizations;
	}

	/**
	 * The client of the project service: projects, their roles and grants.
	 * @return the client
	 */
	public ReactiveProjectServiceClient projects() {
		return this.projects;
	}

	/**
	 * The client of the authorization service: users' roles in projects.
	 * @return the client
	 */
	public ReactiveAuthorizationServiceClient authorizations() {
		return this.authorizations;
	}

	/**
	 * The client of the session service ({@code zitadel.session.v2.SessionService}): sessions of
	 * users who log in, their checks and challenges.
	 * @return the client
	 */
	public ReactiveSessionServiceClient sessions() {
		return this.sessions;
	}

	/**
	 * The client of the settings service ({@code zitadel.settings.v2.SettingsService}): the login,
	 * password, lockout, branding, domain, legal and security settings.
	 * @return the client
	 */
	public ReactiveSettingsServiceClient settings() {
		return this.settings;
	}

	/**
	 * A client of one service.
	 * @param <S> the client's type
	 * @param type the client interface, such as {@code ReactiveUserServiceClient.class}
	 * @return the client
	 */
	public <S> S client(Class<S> type) {
		this.errors.learn(type);
		return this.factory.createClient(type);
	}

}
