package io.github.zitadelstarter.autoconfigure;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.io.Resource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code zitadel.service-user.key-file} names a file on disk, which can be
 * watched for a replacement; a class path resource inside a jar cannot.
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
		try {
			return (resource.isFile() && resource.getFile().isFile())
					? ConditionOutcome.match(PROPERTY + " is a file") : ConditionOutcome.noMatch(PROPERTY + " is not a file");
		}
		catch (IOException ex) {
			return ConditionOutcome.noMatch(PROPERTY + " is not a file");
		}
	}

}
