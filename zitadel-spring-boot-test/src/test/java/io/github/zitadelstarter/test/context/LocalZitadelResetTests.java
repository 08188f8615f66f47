package io.github.zitadelstarter.test.context;

import io.github.zitadelstarter.test.Answer;
import io.github.zitadelstarter.test.LocalZitadel;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault one test injects does not leak into the next test of the same context.
 */
@SpringBootTest(classes = LocalZitadelResetTests.Config.class)
@EnableLocalZitadel
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalZitadelResetTests {

	@Autowired
	LocalZitadel zitadel;

	@Test
	@Order(1)
	void aTestGoesDownAndAddsAnswers() {
		this.zitadel.goDown();
		this.zitadel.refuseNextAssertions(5);
		this.zitadel.answer("GET", "/v2/things", Answer.json(200, "[]"));
		assertThat(this.zitadel.isUp()).isFalse();
	}

	@Test
	@Order(2)
	void theNextFindsItUpWithoutFaults() {
		assertThat(this.zitadel.isUp()).isTrue();
		assertThat(this.zitadel.tokenRequests()).isEmpty();
		assertThat(this.zitadel.apiCalls()).isEmpty();
	}

	@SpringBootConfiguration
	static class Config {

	}

}
