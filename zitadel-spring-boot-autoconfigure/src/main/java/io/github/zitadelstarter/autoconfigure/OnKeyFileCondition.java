package io.github.zitadelstarter.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.io.Resource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code zitadel.service-user.key-file} names a file on disk, which can be
 * watched for a replacement; a class path resource inside a jar cannot.
 * <p>
 * A {@code file:} location matches by its form, whether or not the file exists yet: an
 * application processed ahead of time decides its conditions at build time, where the key
 * file (a mounted secret) is usually absent. A missing file is reported by the key's loading.
 */
class OnKeyFileCondition extends SpringBootCondition {

	private static final String PROPERTY = "zitadel.service-user.key-file";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String location = context.getEnvironment().getProperty(PROPERTY);
		if (location == null || location.isBlank()) {
			return ConditionOutcome.noMatch(PROPERTY + " is not set");
		}
		Resource resource = context.getResourceLoader().getResource(location.trim());
		return resource.isFile() ? ConditionOutcome.match(PROPERTY + " is a file")
				: ConditionOutcome.noMatch(PROPERTY + " is not a file");
	}

}
