package io.github.zitadelstarter.examples;

import java.time.Duration;

import io.github.zitadelstarter.api.user.ListUserMetadataRequest;
import io.github.zitadelstarter.api.user.UserServiceClient;
import io.github.zitadelstarter.sample.SampleApplication;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's typed client examples, blocking and reactive, in the sample application against
 * the local ZITADEL. They live outside the sample's package, so that its own component scan
 * (and its other tests) never see them.
 */
@SpringBootTest(classes = SampleApplication.class)
@EnableLocalZitadel
@Import({ TeamOnboarding.class, ReactiveTeamOnboarding.class })
class TeamOnboardingTests {

	@Autowired
	TeamOnboarding onboarding;

	@Autowired
	ReactiveTeamOnboarding reactiveOnboarding;

	@Autowired
	UserServiceClient users;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void onboardsNewAndExistingUsersAsEditors() {
		String organizationId = this.zitadel.organizationId();
		String existing = this.zitadel.addHumanUser("grace@example.com", "Grace", "Hopper");
		String projectId = this.onboarding.createProject(organizationId, "Platform");

		String ada = this.onboarding.onboard(organizationId, projectId, "ada@example.com", "Ada", "Lovelace");
		String grace = this.onboarding.onboard(organizationId, projectId, "grace@example.com", "Grace", "Hopper");

		assertThat(grace).isEqualTo(existing);
		assertThat(this.onboarding.editors(projectId)).hasSize(2)
			.anyMatch((loginName) -> loginName.startsWith("ada@example.com"))
			.anyMatch((loginName) -> loginName.startsWith("grace@example.com"));
		assertThat(this.users.listUserMetadata(ListUserMetadataRequest.of(ada)).metadata())
			.singleElement()
			.satisfies((metadata) -> assertThat(metadata.valueAsString()).isEqualTo("platform"));
	}

	@Test
	void onboardsWithoutBlocking() {
		String organizationId = this.zitadel.organizationId();
		String projectId = this.onboarding.createProject(organizationId, "Reactive platform");
		this.zitadel.addHumanUser("grace@example.com", "Grace", "Hopper");

		StepVerifier
			.create(this.reactiveOnboarding.onboard(organizationId, projectId, "ada@example.com", "Ada", "Lovelace")
				.then(this.reactiveOnboarding.onboard(organizationId, projectId, "grace@example.com", "Grace",
						"Hopper"))
				.thenMany(this.reactiveOnboarding.editors(projectId)))
			.expectNextCount(2)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

}
