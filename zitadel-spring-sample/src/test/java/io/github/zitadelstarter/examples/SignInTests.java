package io.github.zitadelstarter.examples;

import java.util.Map;

import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelClients;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.session.CheckPassword;
import io.github.zitadelstarter.api.session.CheckUser;
import io.github.zitadelstarter.api.session.Checks;
import io.github.zitadelstarter.api.session.CreateSessionRequest;
import io.github.zitadelstarter.api.session.CreateSessionResponse;
import io.github.zitadelstarter.api.session.GetSessionRequest;
import io.github.zitadelstarter.api.session.Session;
import io.github.zitadelstarter.api.settings.GetPasswordComplexitySettingsRequest;
import io.github.zitadelstarter.api.user.CreateUserRequest;
import io.github.zitadelstarter.api.user.CreateUserRequestHuman;
import io.github.zitadelstarter.api.user.Password;
import io.github.zitadelstarter.api.user.SetHumanEmail;
import io.github.zitadelstarter.api.user.SetHumanProfile;
import io.github.zitadelstarter.sample.SampleApplication;
import io.github.zitadelstarter.test.Answer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = SampleApplication.class)
@EnableLocalZitadel
class SignInTests {

	@Autowired
	ZitadelClients zitadelClients;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void signsAUserInWithAPassword() {
		this.zitadelClients.users()
			.createUser(CreateUserRequest.human(this.zitadel.organizationId(),
					CreateUserRequestHuman.of(SetHumanProfile.of("Grace", "Hopper"), SetHumanEmail.verified("grace@navy.mil"))
						.withPassword(Password.of("C0b0l!C0b0l!")))
				.withUsername("grace"));

		CreateSessionResponse created = this.zitadelClients.sessions()
			.createSession(new CreateSessionRequest(new Checks(new CheckUser(null, "grace"),
					new CheckPassword("C0b0l!C0b0l!"), null, null, null, null, null, null), Map.of(), null, null, null));
		Session session = this.zitadelClients.sessions()
			.getSession(new GetSessionRequest(created.sessionId(), created.sessionToken()))
			.session();

		assertThat(session.factors().user().loginName()).startsWith("grace@");
		assertThat(session.factors().password().verifiedAt()).isNotNull();
		assertThat(this.zitadelClients.settings()
			.getPasswordComplexitySettings(new GetPasswordComplexitySettingsRequest(null))
			.settings()
			.minLength()).isEqualTo(8); // a fresh instance's settings
		ProtoContract.assertConforms(this.zitadel.apiCalls()); // every request as ZITADEL's protos define it
	}

	@Test
	void saysSoWhenTheSessionIsGone() {
		this.zitadel.answer("zitadel.session.v2.SessionService/GetSession",
				Answer.connectError("not_found", "Session does not exist (QUERY-SFeaa)"));

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.zitadelClients.sessions().getSession(new GetSessionRequest("42", null)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND));
	}

}
