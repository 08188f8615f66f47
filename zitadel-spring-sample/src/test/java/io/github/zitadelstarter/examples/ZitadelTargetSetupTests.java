package io.github.zitadelstarter.examples;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.github.zitadelstarter.actions.ActionSignatureVerifier;
import io.github.zitadelstarter.sample.SampleApplication;
import io.github.zitadelstarter.test.LocalTarget;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/actions.md's set-up from code, with the typed ActionService client, against the local
 * ZITADEL: the target and its execution are created, and the signing key ZITADEL answered
 * checks the calls ZITADEL then makes.
 */
@SpringBootTest(classes = SampleApplication.class)
@EnableLocalZitadel
@Import(ZitadelTargetSetup.class)
class ZitadelTargetSetupTests {

	@Autowired
	ZitadelTargetSetup setup;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void createsTheTargetAndItsExecutionAndTheAnsweredKeyChecksZitadelsCalls() {
		ActionSignatureVerifier verifier = this.setup.createUserEventsTarget("https://app.example.com/actions/events");

		LocalTarget target = this.zitadel.actions().target("user-events").orElseThrow();
		assertThat(target.endpoint()).isEqualTo("https://app.example.com/actions/events");
		assertThat(this.zitadel.actions().executions()).containsEntry("event/user.*", List.of(target.id()));

		String body = "{\"aggregateID\":\"user-1\",\"event_type\":\"user.human.added\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		assertThat(verifier.isValid(bytes, target.signature(Instant.now(), body))).isTrue();
		assertThat(verifier.isValid(bytes, target.signature(Instant.now(), body + " "))).isFalse();
	}

}
