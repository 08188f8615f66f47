package io.github.zitadelstarter.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ZITADEL calling the application (Actions v2): the signing keys that check the calls to its
 * targets, and the targets' paths. Shown without the keys.
 */
@ConfigurationProperties("zitadel.actions")
public class ZitadelActionsProperties implements InitializingBean {

	/** Signing key of the targets without one of their own, as ZITADEL's CreateTarget returned it. */
	private @Nullable String signingKey;

	/** A second signing key accepted besides signing-key, while the application moves to a new one. */
	private @Nullable String previousSigningKey;

	/** How far the time of a call's ZITADEL-Signature may be from this machine's clock. */
	private Duration tolerance = Duration.ofSeconds(300);

	/** The application's targets by name: each with path (a path pattern) and its own signing-key. */
	private Map<String, Target> targets = new LinkedHashMap<>();

	public @Nullable String getSigningKey() {
		return this.signingKey;
	}

	public void setSigningKey(@Nullable String signingKey) {
		this.signingKey = signingKey;
	}

	public @Nullable String getPreviousSigningKey() {
		return this.previousSigningKey;
	}

	public void setPreviousSigningKey(@Nullable String previousSigningKey) {
		this.previousSigningKey = previousSigningKey;
	}

	public Duration getTolerance() {
		return this.tolerance;
	}

	public void setTolerance(Duration tolerance) {
		this.tolerance = tolerance;
	}

	public Map<String, Target> getTargets() {
		return this.targets;
	}

	public void setTargets(Map<String, Target> targets) {
		this.targets = targets;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.tolerance.isNegative() || this.tolerance.isZero()) {
			throw new InvalidZitadelConfigurationException("zitadel.actions.tolerance",
					"zitadel.actions.tolerance must be a positive duration, was " + this.tolerance,
					"Set it to a positive duration such as 300s (ZITADEL's own default), or remove it.");
		}
	}

	@Override
	public String toString() {
		return "ZitadelActionsProperties[tolerance=" + this.tolerance + ", targets=" + this.targets + "]";
	}

	/** One target of the application. */
	public static class Target {

		/** The target's path within the application, a Spring path pattern such as /actions/preaccesstoken. */
		private @Nullable String path;

		/** The target's signing key, as ZITADEL's CreateTarget returned it; defaults to zitadel.actions.signing-key. */
		private @Nullable String signingKey;

		/** A second signing key of the target accepted besides signing-key, while it moves to a new one. */
		private @Nullable String previousSigningKey;

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public @Nullable String getSigningKey() {
			return this.signingKey;
		}

		public void setSigningKey(@Nullable String signingKey) {
			this.signingKey = signingKey;
		}

		public @Nullable String getPreviousSigningKey() {
			return this.previousSigningKey;
		}

		public void setPreviousSigningKey(@Nullable String previousSigningKey) {
			this.previousSigningKey = previousSigningKey;
		}

		@Override
		public String toString() {
			return "Target[path=" + this.path + "]";
		}

	}

}
