package io.github.zitadelstarter.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.zitadelstarter.api.authorization.CreateAuthorizationRequest;
import io.github.zitadelstarter.api.authorization.ListAuthorizationsRequest;
import io.github.zitadelstarter.api.organization.AddOrganizationRequest;
import io.github.zitadelstarter.api.organization.ListOrganizationsRequest;
import io.github.zitadelstarter.api.project.AddProjectRoleRequest;
import io.github.zitadelstarter.api.project.CreateProjectRequest;
import io.github.zitadelstarter.api.session.CheckPassword;
import io.github.zitadelstarter.api.session.CheckUser;
import io.github.zitadelstarter.api.session.Checks;
import io.github.zitadelstarter.api.session.CreateSessionRequest;
import io.github.zitadelstarter.api.session.CreateSessionResponse;
import io.github.zitadelstarter.api.session.DeleteSessionRequest;
import io.github.zitadelstarter.api.session.GetSessionRequest;
import io.github.zitadelstarter.api.session.ListSessionsRequest;
import io.github.zitadelstarter.api.session.SearchQuery;
import io.github.zitadelstarter.api.session.Session;
import io.github.zitadelstarter.api.session.UserIDQuery;
import io.github.zitadelstarter.api.settings.GetActiveIdentityProvidersRequest;
import io.github.zitadelstarter.api.settings.GetActiveIdentityProvidersResponse;
import io.github.zitadelstarter.api.settings.GetLoginSettingsRequest;
import io.github.zitadelstarter.api.settings.GetPasswordComplexitySettingsRequest;
import io.github.zitadelstarter.api.settings.IdentityProvider;
import io.github.zitadelstarter.api.settings.IdentityProviderType;
import io.github.zitadelstarter.api.settings.LoginSettings;
import io.github.zitadelstarter.api.settings.PasskeysType;
import io.github.zitadelstarter.api.settings.PasswordComplexitySettings;
import io.github.zitadelstarter.api.user.CreateUserRequest;
import io.github.zitadelstarter.api.user.CreateUserRequestHuman;
import io.github.zitadelstarter.api.user.GetUserByIDRequest;
import io.github.zitadelstarter.api.user.Password;
import io.github.zitadelstarter.api.user.SetHumanEmail;
import io.github.zitadelstarter.api.user.SetHumanProfile;
import io.github.zitadelstarter.test.Answer;
import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's application against the local ZITADEL: the generated clients of the user,
 * organization, project, authorization, session and settings services, blocking and reactive,
 * as the starter injects them, with every request it sends checked against ZITADEL's
 * descriptors (by the local ZITADEL as it answers, and again for the record afterwards).
 */
@SpringBootTest(properties = "spring.main.web-application-type=none")
@EnableLocalZitadel
class GeneratedClientsAgainstLocalZitadelTests {

	@Autowired
	ZitadelClients clients;

	@Autowired
	ReactiveZitadelClients reactiveClients;

	@Autowired
	LocalZitadel zitadel;

	@AfterEach
	void everyRequestPassedTheDescriptorCheck() {
		assertThat(this.zitadel.apiCalls()).isNotEmpty().allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
		ProtoContract.assertConforms(this.zitadel.apiCalls());
	}

	@Test
	void aLoginBackendOnboardsAUserAndSignsItInWithTheBlockingClients() {
		String organizationId = this.clients.organizations()
			.addOrganization(AddOrganizationRequest.of("Navy"))
			.organizationId();
		String userId = this.clients.users()
			.createUser(CreateUserRequest.human(organizationId,
					CreateUserRequestHuman.of(SetHumanProfile.of("Grace", "Hopper"), SetHumanEmail.verified("grace@navy.mil"))
						.withPassword(Password.of("C0b0l!C0b0l!")))
				.withUsername("grace"))
			.id();
		String projectId = this.clients.projects()
			.createProject(CreateProjectRequest.of(organizationId, "Compiler"))
			.projectId();
		this.clients.projects().addProjectRole(AddProjectRoleRequest.of(projectId, "admin", "Administrator"));
		this.clients.authorizations()
			.createAuthorization(CreateAuthorizationRequest.of(userId, projectId, organizationId, "admin"));

		LoginSettings login = this.clients.settings().getLoginSettings(new GetLoginSettingsRequest(null)).settings();
		PasswordComplexitySettings complexity = this.clients.settings()
			.getPasswordComplexitySettings(new GetPasswordComplexitySettingsRequest(null))
			.settings();
		CreateSessionResponse created = this.clients.sessions().createSession(signIn("grace", "C0b0l!C0b0l!"));
		Session session = this.clients.sessions().getSession(new GetSessionRequest(created.sessionId(), null)).session();
		List<Session> gracesSessions = this.clients.sessions().listSessions(sessionsOf(userId)).sessions();
		this.clients.sessions().deleteSession(new DeleteSessionRequest(created.sessionId(), null));

		assertThat(login.passkeysType()).isEqualTo(PasskeysType.PASSKEYS_TYPE_ALLOWED);
		assertThat(login.passwordCheckLifetime()).isEqualTo(Duration.ofDays(10));
		assertThat(complexity.minLength()).isEqualTo(8);
		assertThat(complexity.requiresSymbol()).isTrue();
		assertThat(created.sessionToken()).isNotEmpty();
		assertThat(session.factors().user().id()).isEqualTo(userId);
		assertThat(session.factors().user().organizationId()).isEqualTo(organizationId);
		assertThat(session.factors().password().verifiedAt()).isNotNull();
		assertThat(session.expirationDate()).isAfter(session.creationDate());
		assertThat(gracesSessions).extracting(Session::id).containsExactly(created.sessionId());
		assertThat(this.clients.sessions().listSessions(sessionsOf(userId)).sessions()).isEmpty();
		assertThat(this.clients.authorizations().listAuthorizations(ListAuthorizationsRequest.of()).authorizations())
			.singleElement()
			.satisfies((authorization) -> assertThat(authorization.roles()).extracting("key").containsExactly("admin"));
	}

	@Test
	void theReactiveClientsSeeTheSameState() {
		String userId = this.reactiveClients.users()
			.createUser(CreateUserRequest.human(this.zitadel.organizationId(),
					CreateUserRequestHuman.of(SetHumanProfile.of("Ada", "Lovelace"), SetHumanEmail.verified("ada@example.com"))
						.withPassword(Password.of("Analytic4l!")))
				.withUsername("ada"))
			.block()
			.id();

		CreateSessionResponse created = this.reactiveClients.sessions().createSession(signIn("ada", "Analytic4l!")).block();
		Session session = this.reactiveClients.sessions()
			.getSession(new GetSessionRequest(created.sessionId(), created.sessionToken()))
			.block()
			.session();
		LoginSettings login = this.reactiveClients.settings()
			.getLoginSettings(new GetLoginSettingsRequest(null))
			.block()
			.settings();

		assertThat(this.clients.users().getUserByID(GetUserByIDRequest.of(userId)).user().username()).isEqualTo("ada");
		assertThat(session.factors().user().loginName()).startsWith("ada@");
		assertThat(login.allowRegister()).isTrue();
		assertThat(this.reactiveClients.organizations()
			.listOrganizations(ListOrganizationsRequest.of())
			.block()
			.result()).isNotEmpty();
		assertThat(this.reactiveClients.projects()
			.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Engine"))
			.block()
			.projectId()).isNotEmpty();
	}

	@Test
	void aTestSetsAnAnswerFromARecordAndTheClientsReadIt() {
		IdentityProvider google = new IdentityProvider("idp-1", "Google", IdentityProviderType.IDENTITY_PROVIDER_TYPE_GOOGLE,
				null);
		this.zitadel.answer("zitadel.settings.v2.SettingsService/GetActiveIdentityProviders", Answer.json(200,
				ZitadelApiJson.mapper().writeValueAsString(new GetActiveIdentityProvidersResponse(null, List.of(google)))));

		GetActiveIdentityProvidersResponse blocking = this.clients.settings()
			.getActiveIdentityProviders(new GetActiveIdentityProvidersRequest(null, null, null, null, null));
		GetActiveIdentityProvidersResponse reactive = this.reactiveClients.settings()
			.getActiveIdentityProviders(new GetActiveIdentityProvidersRequest(null, null, null, null, null))
			.block();

		assertThat(blocking.identityProviders()).containsExactly(google);
		assertThat(reactive).isEqualTo(blocking);
		assertThat(this.zitadel.apiCalls()).extracting(ApiCall::path)
			.containsOnly("/zitadel.settings.v2.SettingsService/GetActiveIdentityProviders");
	}

	private static CreateSessionRequest signIn(String loginName, String password) {
		return new CreateSessionRequest(new Checks(new CheckUser(null, loginName), new CheckPassword(password), null,
				null, null, null, null, null), Map.of(), null, null, Duration.ofHours(12));
	}

	private static ListSessionsRequest sessionsOf(String userId) {
		return new ListSessionsRequest(null, List.of(new SearchQuery(null, new UserIDQuery(userId), null, null, null, null)),
				null);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
