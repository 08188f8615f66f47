package io.github.zitadelstarter.autoconfigure;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether the key file is watched is decided from the location, not from what is on disk at
 * that moment: an application processed ahead of time decides it at build time, where the
 * mounted secret is absent.
 */
class OnKeyFileConditionTests {

	@Test
	void aFileLocationIsWatchedEvenWhereTheFileIsNotThereYet(@TempDir Path dir) {
		assertThat(matches("file:" + dir.resolve("mounted-at-run-time.json"))).isTrue();
	}

	@Test
	void aClassPathResourceInsideAJarIsNotWatched() {
		// A class of JUnit's, which the build has in a jar.
		assertThat(matches("classpath:org/junit/jupiter/api/Test.class")).isFalse();
	}

	@Test
	void noKeyFileIsNotWatched() {
		assertThat(matches(null)).isFalse();
	}

	private static boolean matches(@Nullable String keyFile) {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			if (keyFile != null) {
				TestPropertyValues.of("zitadel.service-user.key-file=" + keyFile).applyTo(context);
			}
			ConditionContext conditionContext = new ConditionContext() {

				@Override
				public BeanDefinitionRegistry getRegistry() {
					return context;
				}

				@Override
				public ConfigurableListableBeanFactory getBeanFactory() {
					return context.getBeanFactory();
				}

				@Override
				public Environment getEnvironment() {
					return context.getEnvironment();
				}

				@Override
				public ResourceLoader getResourceLoader() {
					return context;
				}

				@Override
				public @Nullable ClassLoader getClassLoader() {
					return context.getClassLoader();
				}

			};
			return new OnKeyFileCondition()
				.getMatchOutcome(conditionContext, AnnotationMetadata.introspect(OnKeyFileConditionTests.class))
				.isMatch();
		}
	}

}
