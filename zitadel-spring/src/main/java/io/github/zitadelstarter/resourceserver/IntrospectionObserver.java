package io.github.zitadelstarter.resourceserver;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Watches each request's introspection by {@link ZitadelOpaqueTokenIntrospector} and
 * {@link ZitadelReactiveOpaqueTokenIntrospector}: whether the result came from the cache, and
 * how it ended. Never given the token.
 */
@FunctionalInterface
public interface IntrospectionObserver {

	/** Watches nothing, and costs nothing. */
	IntrospectionObserver NONE = () -> (cache, outcome, failure) -> {
	};

	/**
	 * A request's introspection begins.
	 * @return what to tell when it ends
	 */
	Observed start();

	/** One request's introspection, begun. */
	@FunctionalInterface
	interface Observed {

		/**
		 * The introspection ended.
		 * @param cache where its result came from
		 * @param outcome how it ended
		 * @param failure the failure, if any
		 */
		void stop(CacheUse cache, Outcome outcome, @Nullable Throwable failure);

	}

	/** Where a result came from. */
	enum CacheUse {

		/** A result kept from an earlier introspection of the token. */
		HIT,

		/** A new introspection (or none at all, during the cool-down after a failure). */
		MISS,

		/** The introspection in flight that another request with the same token started. */
		JOINED;

		/** The tag value: {@code hit}, {@code miss} or {@code joined}. */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** How an introspection ended. */
	enum Outcome {

		/** The token is valid. */
		ACTIVE,

		/** The token is not valid: inactive, or for another issuer or audience, or expired. */
		INACTIVE,

		/** ZITADEL answered with an error, such as a 401 for the API application's credential. */
		FAILURE,

		/**
		 * ZITADEL could not be reached or did not answer within {@code max-wait}, or was not
		 * asked during the cool-down after a failure.
		 */
		UNAVAILABLE,

		/**
		 * The request gave up waiting, such as a reactive request whose client went away; the
		 * introspection goes on for the others.
		 */
		CANCELLED;

		/**
		 * The tag value: {@code active}, {@code inactive}, {@code failure}, {@code unavailable}
		 * or {@code cancelled}.
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
