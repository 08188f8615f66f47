package io.github.zitadelstarter.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Explains a startup failure caused by using the starter's clients while it is switched off:
 * a missing {@code zitadelWebClient}, {@code zitadelRestClient} or other bean of the starter,
 * or an imported {@code zitadel} HTTP service group. Without it, Spring's generic "required a
 * bean" report would not say that the starter is off, or why.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ZitadelNotConfiguredFailureAnalyzer implements FailureAnalyzer {

	private static final List<String> STARTER_BEAN_NAMES = List.of("zitadelWebClient", "zitadelRestClient");

	private static final String STARTER_PACKAGE = "io.github.zitadelstarter.";

	private final Environment environment;

	ZitadelNotConfiguredFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ZitadelNotConfiguredException notConfigured) {
				return new FailureAnalysis(notConfigured.getMessage() + ".",
						ZitadelNotConfiguredException.action(notConfigured.getReason()), notConfigured);
			}
			if (cause instanceof NoSuchBeanDefinitionException missing && isStarters(missing)) {
				String reason = OnZitadelConfiguredCondition.whyOff(this.environment);
				if (reason != null) {
					return new FailureAnalysis(ZitadelNotConfiguredException.message(describe(missing), reason) + ".",
							ZitadelNotConfiguredException.action(reason), missing);
				}
			}
		}
		return null;
	}

	private static boolean isStarters(NoSuchBeanDefinitionException missing) {
		Class<?> type = (missing.getResolvableType() != null) ? missing.getResolvableType().resolve() : null;
		return (type != null && type.getName().startsWith(STARTER_PACKAGE)) || STARTER_BEAN_NAMES.stream()
			.anyMatch((name) -> name.equals(missing.getBeanName()) || String.valueOf(missing.getMessage()).contains(name));
	}

	private static String describe(NoSuchBeanDefinitionException missing) {
		for (String name : STARTER_BEAN_NAMES) {
			if (name.equals(missing.getBeanName()) || String.valueOf(missing.getMessage()).contains(name)) {
				return "the " + name;
			}
		}
		Class<?> type = (missing.getResolvableType() != null) ? missing.getResolvableType().resolve() : null;
		return "a " + ((type != null) ? type.getSimpleName() : "bean") + " of the ZITADEL starter";
	}

}
