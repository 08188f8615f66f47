package io.github.zitadelstarter.test.context;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates a {@link LocalZitadelContextCustomizer} for a test class annotated (or nested in
 * one annotated) with {@link EnableLocalZitadel}.
 */
class LocalZitadelContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EnableLocalZitadel annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				EnableLocalZitadel.class);
		if (annotation == null) {
			return null;
		}
		Duration lifetime = annotation.accessTokenLifetime().isBlank() ? null
				: DurationStyle.detectAndParse(annotation.accessTokenLifetime());
		return new LocalZitadelContextCustomizer(annotation.credential(), lifetime, annotation.resourceServer());
	}

}
