package io.github.zitadelstarter.sample;

import java.time.Instant;
import java.util.Map;

import io.github.zitadelstarter.test.LocalTarget;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.TargetCall;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's two ZITADEL targets, called by the local ZITADEL as ZITADEL calls them, with the
 * signing key the sample reads from {@code ZITADEL_ACTIONS_SIGNING_KEY}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "ZITADEL_ACTIONS_SIGNING_KEY=" + SampleActionsTests.SIGNING_KEY)
@EnableLocalZitadel
@ExtendWith(OutputCaptureExtension.class)
class SampleActionsTests {

	static final String SIGNING_KEY = "sk_sample_5b8e2d7f1a4c9e3b6d0f";

	@Autowired
	LocalZitadel zitadel;

	@LocalServerPort
	int port;

	@Test
	void preAccessTokenGreetsTheUserInAClaim() {
		String userId = this.zitadel.addHumanUser("grace", "Grace", "Hopper");

		TargetCall call = target("preaccesstoken").callFunction("preaccesstoken", userId);

		assertThat(call.status()).isEqualTo(200);
		assertThat(call.body())
			.isEqualTo("{\"append_claims\":[{\"key\":\"sample_greeting\",\"value\":\"Hello Grace Hopper\"}]}");
	}

	@Test
	void eventsOfUsersCreatedAreLogged(CapturedOutput output) {
		TargetCall call = target("events").sendEvent("user.human.added", "user-42", Map.of("userName", "ada"));

		assertThat(call.status()).isEqualTo(200);
		assertThat(output).contains("User user-42 created in organization " + this.zitadel.organizationId()
				+ " (user.human.added)");
	}

	@Test
	void forgedChangedAndReplayedCallsAreRefused(CapturedOutput output) {
		LocalTarget target = target("events");
		String body = "{\"aggregateID\":\"user-7\",\"event_type\":\"user.human.added\"}";
		LocalTarget forger = this.zitadel.actions()
			.addTarget("forger", target.endpoint(), "sk_not_the_sample_s_key_0123");

		assertThat(forger.send(body).status()).isEqualTo(401);
		assertThat(target.send(body.replace("user-7", "user-8"), target.signature(Instant.now(), body)).status())
			.isEqualTo(401);
		assertThat(target.send(body, target.signature(Instant.now().minusSeconds(600), body)).status())
			.isEqualTo(401);
		assertThat(target.send(body, null).status()).isEqualTo(401);

		assertThat(output).doesNotContain("User user-7 created").doesNotContain("User user-8 created");
		assertThat(target.send(body).status()).isEqualTo(200);
	}

	private LocalTarget target(String name) {
		return this.zitadel.actions()
			.addTarget(name, "http://localhost:" + this.port + "/actions/" + name, SIGNING_KEY);
	}

}
