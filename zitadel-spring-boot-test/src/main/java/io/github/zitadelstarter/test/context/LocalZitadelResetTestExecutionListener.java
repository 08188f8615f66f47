package io.github.zitadelstarter.test.context;

import io.github.zitadelstarter.test.LocalZitadel;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link LocalZitadel} of an {@link EnableLocalZitadel} context after each test
 * method, as Boot resets its mocks: a fault one test injects does not leak into the next
 * test that shares the context.
 */
class LocalZitadelResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(EnableLocalZitadel.BEAN_NAME)
				&& context.getBean(EnableLocalZitadel.BEAN_NAME) instanceof LocalZitadel zitadel) {
			zitadel.reset();
		}
	}

}
