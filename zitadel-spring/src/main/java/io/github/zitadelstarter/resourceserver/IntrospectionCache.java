package io.github.zitadelstarter.resourceserver;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.zitadelstarter.resourceserver.IntrospectionObserver.CacheUse;
import io.github.zitadelstarter.resourceserver.IntrospectionObserver.Outcome;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

/**
 * The introspection results of tokens, and the introspections in flight: one introspection
 * per token however many requests carry it, its result kept until the token's {@code exp}
 * or {@code maxAge}, whichever comes first, an inactive token's answer kept {@code maxAge},
 * and after a failure, tokens not yet known refused for {@code coolDown} without asking
 * again. Tokens are kept only as their SHA-256.
 */
final class IntrospectionCache {

	private final IntrospectionSettings settings;

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> inFlight = new ConcurrentHashMap<>();

	private volatile Instant coolDownUntil = Instant.MIN;

	IntrospectionCache(IntrospectionSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The principal of a token: from the cache, from the introspection in flight, or from a
	 * new introspection.
	 * @param token the token
	 * @param introspection starts an introspection of the token
	 * @return the principal, or a failure: {@link BadOpaqueTokenException} for a token that
	 * is not valid, {@link ZitadelUnavailableException} when ZITADEL could not tell
	 */
	CompletableFuture<OAuth2AuthenticatedPrincipal> introspect(String token,
			Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> introspection) {
		return lookUp(token, introspection).result();
	}

	/**
	 * The principal of a token, and where it comes from.
	 * @param token the token
	 * @param introspection starts an introspection of the token
	 * @return the principal, or a failure as {@link #introspect(String, Function)} says,
	 * with whether it was cached, joined or new
	 */
	Lookup lookUp(String token, Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> introspection) {
		String key = key(token);
		CompletableFuture<OAuth2AuthenticatedPrincipal> cached = cached(key);
		if (cached != null) {
			return new Lookup(cached, CacheUse.HIT);
		}
		Instant now = this.clock.instant();
		Instant until = this.coolDownUntil;
		if (now.isBefore(until)) {
			return new Lookup(CompletableFuture.failedFuture(new ZitadelUnavailableException(
					"ZITADEL's token introspection failed moments ago; it is not asked again until " + until,
					Duration.between(now, until), null)), CacheUse.MISS);
		}
		CompletableFuture<OAuth2AuthenticatedPrincipal> mine = new CompletableFuture<>();
		CompletableFuture<OAuth2AuthenticatedPrincipal> running = this.inFlight.putIfAbsent(key, mine);
		if (running != null) {
			return new Lookup(running, CacheUse.JOINED);
		}
		// Another introspection of this token may have finished between the look-up and now.
		cached = cached(key);
		if (cached != null) {
			this.inFlight.remove(key, mine);
			return new Lookup(cached, CacheUse.HIT);
		}
		CompletableFuture<OAuth2AuthenticatedPrincipal> call;
		try {
			call = introspection.apply(token);
		}
		catch (RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.whenComplete((principal, failure) -> {
			try {
				if (failure == null) {
					store(key, new Entry(principal, expiry(principal)));
					mine.complete(principal);
				}
				else {
					mine.completeExceptionally(remember(key, unwrap(failure)));
				}
			}
			catch (RuntimeException ex) {
				mine.completeExceptionally(ex);
			}
			finally {
				this.inFlight.remove(key, mine);
			}
		});
		return new Lookup(mine, CacheUse.MISS);
	}

	/** How many results are kept, expired ones included until they are purged. */
	int size() {
		return this.entries.size();
	}

	private @Nullable CompletableFuture<OAuth2AuthenticatedPrincipal> cached(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!this.clock.instant().isBefore(entry.expiresAt())) {
			this.entries.remove(key, entry);
			return null;
		}
		OAuth2AuthenticatedPrincipal principal = entry.principal();
		return (principal != null) ? CompletableFuture.completedFuture(principal)
				: CompletableFuture.failedFuture(new BadOpaqueTokenException("Provided token isn't active"));
	}

	private Instant expiry(OAuth2AuthenticatedPrincipal principal) {
		Instant latest = this.clock.instant().plus(this.settings.maxAge());
		Object exp = principal.getAttribute("exp");
		Instant expiresAt = (exp instanceof Instant instant) ? instant
				: (exp instanceof Number number) ? Instant.ofEpochSecond(number.longValue()) : null;
		return (expiresAt != null && expiresAt.isBefore(latest)) ? expiresAt : latest;
	}

	private Throwable remember(String key, Throwable failure) {
		if (failure instanceof BadOpaqueTokenException) {
			store(key, new Entry(null, this.clock.instant().plus(this.settings.maxAge())));
			return failure;
		}
		Instant now = this.clock.instant();
		this.coolDownUntil = now.plus(this.settings.coolDown());
		if (failure instanceof ZitadelUnavailableException) {
			return failure;
		}
		return new ZitadelUnavailableException("ZITADEL's token introspection failed: " + failure.getMessage(),
				this.settings.coolDown(), failure);
	}

	private void store(String key, Entry entry) {
		this.entries.put(key, entry);
		if (this.entries.size() > this.settings.maxEntries()) {
			purge();
		}
	}

	private void purge() {
		Instant now = this.clock.instant();
		this.entries.values().removeIf((entry) -> !now.isBefore(entry.expiresAt()));
		// Still full of live results: drop some, which costs those tokens one introspection more.
		Iterator<String> keys = this.entries.keySet().iterator();
		int target = this.settings.maxEntries() - Math.max(1, this.settings.maxEntries() / 10);
		while (this.entries.size() > target && keys.hasNext()) {
			keys.next();
			keys.remove();
		}
	}

	/**
	 * How a request's introspection failed, for its observation: a token that is not valid,
	 * ZITADEL out of reach (or not asked, or too slow), or ZITADEL answering an error.
	 * @param failure the failure
	 * @return the outcome
	 */
	static Outcome outcome(Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof BadOpaqueTokenException) {
			return Outcome.INACTIVE;
		}
		if (cause instanceof ZitadelUnavailableException && cause.getCause() == null) {
			// Refused during the cool-down, or not answered within max-wait.
			return Outcome.UNAVAILABLE;
		}
		for (Throwable each = cause; each != null; each = each.getCause()) {
			if (each instanceof IOException || each instanceof TimeoutException
					|| each instanceof InterruptedException) {
				return Outcome.UNAVAILABLE;
			}
		}
		return Outcome.FAILURE;
	}

	static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String key(String token) {
		return TokenDigests.sha256(token);
	}

	/**
	 * A request's result, and where it comes from.
	 * @param result the principal, or the failure
	 * @param use whether it was cached, joined or new
	 */
	record Lookup(CompletableFuture<OAuth2AuthenticatedPrincipal> result, CacheUse use) {
	}

	/** A result: the principal of a valid token, or none for a token that is not. */
	private record Entry(@Nullable OAuth2AuthenticatedPrincipal principal, Instant expiresAt) {
	}

}
