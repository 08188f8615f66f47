package io.github.zitadelstarter.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.zitadelstarter.actions.ActionSignatureVerifier;
import io.github.zitadelstarter.actions.ActionTarget;
import io.github.zitadelstarter.actions.ActionTargets;
import io.github.zitadelstarter.actions.ZitadelActionTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.StringUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The application's ZITADEL targets: the controller methods marked {@link ZitadelActionTarget}
 * and the paths of {@code zitadel.actions.targets.*}, each with the verifier of its signing
 * keys. Resolved once every singleton, the handler mappings included, exists, so that a target
 * without a signing key stops the application from starting instead of taking calls unchecked.
 */
final class ZitadelActionTargets implements Supplier<ActionTargets>, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ZitadelActionTargets.class);

	private static final String SIGNING_KEY = "zitadel.actions.signing-key";

	private final ZitadelActionsProperties properties;

	private final Supplier<List<Endpoint>> endpoints;

	private final Clock clock;

	private volatile @Nullable ActionTargets targets;

	ZitadelActionTargets(ZitadelActionsProperties properties, Supplier<List<Endpoint>> endpoints, Clock clock) {
		this.properties = properties;
		this.endpoints = endpoints;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ActionTargets targets = resolve();
		this.targets = targets;
		for (ActionTarget target : targets.targets()) {
			logger.info("Checking the ZITADEL-Signature of calls to the ZITADEL target '" + target.name() + "' at "
					+ target.paths() + " with " + target.verifier());
		}
	}

	@Override
	public ActionTargets get() {
		ActionTargets targets = this.targets;
		if (targets == null) {
			targets = resolve();
			this.targets = targets;
		}
		return targets;
	}

	private ActionTargets resolve() {
		Map<String, List<PathPattern>> named = new LinkedHashMap<>();
		List<ActionTarget> targets = new ArrayList<>();
		for (Endpoint endpoint : this.endpoints.get()) {
			if (endpoint.target().isEmpty()) {
				targets.add(new ActionTarget(endpoint.handler(), parse(endpoint.paths()),
						verifier(null, endpoint.handler())));
			}
			else if (!this.properties.getTargets().containsKey(endpoint.target())) {
				String property = "zitadel.actions.targets." + endpoint.target() + ".signing-key";
				throw new InvalidZitadelConfigurationException(property,
						endpoint.handler() + " is marked @ZitadelActionTarget(\"" + endpoint.target()
								+ "\"), but " + property + " is not set",
						"Set " + property + " to the signing key that ZITADEL returned when it created the target, "
								+ "or use @ZitadelActionTarget without a name for " + SIGNING_KEY + ".");
			}
			else {
				named.computeIfAbsent(endpoint.target(), (name) -> new ArrayList<>()).addAll(parse(endpoint.paths()));
			}
		}
		this.properties.getTargets().forEach((name, target) -> {
			List<PathPattern> paths = named.computeIfAbsent(name, (key) -> new ArrayList<>());
			if (StringUtils.hasText(target.getPath())) {
				paths.add(parse(List.of(target.getPath().trim())).get(0));
			}
			if (paths.isEmpty()) {
				String property = "zitadel.actions.targets." + name + ".path";
				throw new InvalidZitadelConfigurationException(property,
						property + " is not set and no controller method is marked @ZitadelActionTarget(\"" + name
								+ "\")",
						"Set " + property + " to the path ZITADEL calls, such as /actions/" + name
								+ ", or mark the controller method that answers it.");
			}
		});
		named.forEach((name, paths) -> targets.add(new ActionTarget(name, paths,
				verifier(name, "the ZITADEL target '" + name + "'"))));
		return new ActionTargets(targets);
	}

	private ActionSignatureVerifier verifier(@Nullable String name, String what) {
		ZitadelActionsProperties.Target target = (name != null) ? this.properties.getTargets().get(name) : null;
		String property = SIGNING_KEY;
		String key = this.properties.getSigningKey();
		String previous = this.properties.getPreviousSigningKey();
		if (target != null && target.getSigningKey() != null) {
			property = "zitadel.actions.targets." + name + ".signing-key";
			key = target.getSigningKey();
			previous = target.getPreviousSigningKey();
		}
		if (!StringUtils.hasText(key)) {
			throw new InvalidZitadelConfigurationException(property,
					property + ((key == null) ? " is not set" : " is empty") + ", but " + what
							+ " takes calls from ZITADEL that must be checked with it",
					"Set " + property + " to the signing key that ZITADEL returned when it created the target "
							+ "(CreateTarget's signingKey), such as from an environment variable: " + property
							+ ": ${ZITADEL_ACTIONS_SIGNING_KEY}.");
		}
		List<String> keys = new ArrayList<>();
		keys.add(key.trim());
		if (StringUtils.hasText(previous)) {
			keys.add(previous.trim());
		}
		return new ActionSignatureVerifier(keys, this.properties.getTolerance(), this.clock);
	}

	private static List<PathPattern> parse(List<String> paths) {
		return paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public String toString() {
		return "ZitadelActionTargets[" + this.targets + "]";
	}

	/**
	 * A controller method marked {@link ZitadelActionTarget}.
	 * @param target the target it names, or {@code ""}
	 * @param handler the method, for messages
	 * @param paths its path patterns
	 */
	record Endpoint(String target, String handler, List<String> paths) {
	}

}
