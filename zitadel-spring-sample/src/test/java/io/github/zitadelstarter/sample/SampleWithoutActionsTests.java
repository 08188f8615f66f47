package io.github.zitadelstarter.sample;

import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code ZITADEL_ACTIONS_SIGNING_KEY}, the sample starts as before, without targets. */
@SpringBootTest
@EnableLocalZitadel
class SampleWithoutActionsTests {

	@Autowired
	ApplicationContext context;

	@Test
	void theTargetsAreOffWithoutASigningKey() {
		assertThat(this.context.getBeanNamesForType(ZitadelTargets.class)).isEmpty();
		assertThat(this.context.containsBean("zitadelActionTargetsServerHttpSecurity")).isFalse();
	}

}
