package io.github.zitadelstarter.api;

import java.util.List;

import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import io.github.zitadelstarter.api.authorization.AuthorizationServiceClient;
import io.github.zitadelstarter.api.organization.OrganizationServiceClient;
import io.github.zitadelstarter.api.project.ProjectServiceClient;
import io.github.zitadelstarter.api.session.SessionServiceClient;
import io.github.zitadelstarter.api.settings.SettingsServiceClient;
import io.github.zitadelstarter.api.user.UserServiceClient;
import io.github.zitadelstarter.observation.ZitadelApiCallObservationConvention;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;

/**
 * The blocking typed clients of ZITADEL's v2 services, over a {@link RestClient} that
 * authenticates as the service user (the starter's {@code zitadelRestClient}). They speak
 * ZITADEL's JSON with their own mapper ({@link ZitadelApiJson}), turn errors into
 * {@link ZitadelApiException}, and are observed as {@code zitadel.api.call} tagged with the RPC.
 */
public final class ZitadelClients {

	private final RestClient client;

	private final ConnectErrors errors;

	private final HttpServiceProxyFactory factory;

	private final UserServiceClient users;

	private final OrganizationServiceClient organizations;

	private final ProjectServiceClient projects;

	private final AuthorizationServiceClient authorizations;

	private final SessionServiceClient sessions;

	private final SettingsServiceClient settings;

	private ZitadelClients(RestClient client, ConnectErrors errors) {
		this.client = client;
		this.errors = errors;
		this.factory = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build();
		this.users = client(UserServiceClient.class);
		this.organizations = client(OrganizationServiceClient.class);
		this.projects = client(ProjectServiceClient.class);
		this.authorizations = client(AuthorizationServiceClient.class);
		this.sessions = client(SessionServiceClient.class);
		this.settings = client(SettingsServiceClient.class);
	}

	/**
	 * The typed clients over a client that authenticates as the service user.
	 * @param zitadelRestClient the client, with ZITADEL's issuer as base URL, such as the
	 * starter's {@code zitadelRestClient}
	 * @return the typed clients
	 */
	public static ZitadelClients over(RestClient zitadelRestClient) {
		ConnectErrors errors = new ConnectErrors();
		return new ZitadelClients(zitadelRestClient.mutate()
			.messageConverters(List.of(new JacksonJsonHttpMessageConverter(ZitadelApiJson.mapper())))
			.defaultStatusHandler((status) -> status.isError(), (request, response) -> {
				throw errors.exception(request, response.getStatusCode().value(), response.getHeaders(),
						ConnectErrors.read(response));
			})
			.observationConvention(new ZitadelApiCallObservationConvention())
			.build(), errors);
	}

	/**
	 * The same clients acting in another organization: their calls carry
	 * {@code x-zitadel-orgid}, whatever {@code zitadel.organization-id} says. Creating them
	 * costs a little; keep them rather than creating them for every call.
	 * @param organizationId the organization's id
	 * @return the clients
	 */
	public ZitadelClients inOrganization(String organizationId) {
		Assert.hasText(organizationId, "organizationId must not be empty");
		return new ZitadelClients(
				this.client.mutate().defaultHeader(ZitadelRequestHeaders.ORGANIZATION, organizationId).build(),
				this.errors);
	}

	/**
	 * The client of the user service.
	 * @return the client
	 */
	public UserServiceClient users() {
		return this.users;
	}

	/**
	 * The client of the organization service.
	 * @return the client
	 */
	public OrganizationServiceClient organizations() {
		return this.organizations;
	}

	/**
	 * The client of the project service: projects, their roles and grants.
	 * @return the client
	 */
	public ProjectServiceClient projects() {
		return this.projects;
	}

	/**
	 * The client of the authorization service: users' roles in projects.
	 * @return the client
	 */
	public AuthorizationServiceClient authorizations() {
		return this.authorizations;
	}

	/**
	 * The client of the session service ({@code zitadel.session.v2.SessionService}): sessions of
	 * users who log in, their checks and challenges.
	 * @return the client
	 */
	public SessionServiceClient sessions() {
		return this.sessions;
	}

	/**
	 * The client of the settings service ({@code zitadel.settings.v2.SettingsService}): the login,
	 * password, lockout, branding, domain, legal and security settings.
	 * @return the client
	 */
	public SettingsServiceClient settings() {
		return this.settings;
	}

	/**
	 * A client of one service.
	 * @param <S> the client's type
	 * @param type the client interface, such as {@code UserServiceClient.class}
	 * @return the client
	 */
	public <S> S client(Class<S> type) {
		this.errors.learn(type);
		return this.factory.createClient(type);
	}

}
