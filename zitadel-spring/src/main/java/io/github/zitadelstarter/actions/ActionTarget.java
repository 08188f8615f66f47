package io.github.zitadelstarter.actions;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.util.Assert;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * An endpoint of the application that ZITADEL calls: its paths (Spring's path patterns, within
 * the application) and the verifier of the calls' signatures.
 *
 * @param name the target's name, for log lines
 * @param paths the path patterns, such as {@code /actions/preaccesstoken}
 * @param verifier checks the calls
 */
public record ActionTarget(String name, List<PathPattern> paths, ActionSignatureVerifier verifier) {

	public ActionTarget {
		Assert.notEmpty(paths, "A target needs at least one path");
		paths = List.copyOf(paths);
	}

	/**
	 * A target with paths written as patterns.
	 * @param name the target's name
	 * @param verifier checks the calls
	 * @param paths the path patterns
	 * @return the target
	 */
	public static ActionTarget of(String name, ActionSignatureVerifier verifier, String... paths) {
		return new ActionTarget(name,
				List.of(paths).stream().map(PathPatternParser.defaultInstance::parse).toList(), verifier);
	}

	/**
	 * Whether a path is one of this target's.
	 * @param pathWithinApplication the request's path, without the context path
	 * @return whether it matches
	 */
	public boolean matches(PathContainer pathWithinApplication) {
		for (PathPattern path : this.paths) {
			if (path.matches(pathWithinApplication)) {
				return true;
			}
		}
		return false;
	}

}
