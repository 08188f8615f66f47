package io.github.zitadelstarter.actions;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;

/**
 * The application's endpoints that ZITADEL calls, each with the verifier of its calls.
 *
 * @param targets the targets; the first whose path matches checks a request
 */
public record ActionTargets(List<ActionTarget> targets) {

	public ActionTargets {
		targets = List.copyOf(targets);
	}

	/**
	 * The target a request is for.
	 * @param pathWithinApplication the request's path, without the context path
	 * @return the target, or {@code null} when the request is not for one
	 */
	public @Nullable ActionTarget find(PathContainer pathWithinApplication) {
		for (ActionTarget target : this.targets) {
			if (target.matches(pathWithinApplication)) {
				return target;
			}
		}
		return null;
	}

	/**
	 * The target a request is for.
	 * @param pathWithinApplication the request's path, without the context path, not decoded
	 * @return the target, or {@code null} when the request is not for one
	 */
	public @Nullable ActionTarget find(String pathWithinApplication) {
		// The filter asks on every request of the application, most of which have no targets.
		return this.targets.isEmpty() ? null : find(PathContainer.parsePath(pathWithinApplication));
	}

}
