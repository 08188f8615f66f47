package io.github.zitadelstarter.resourceserver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The introspection cache's logic with a fake introspection and a clock the test moves:
 * single flight, result lifetimes, failure memory.
 */
class IntrospectionCacheTests {

	private static final IntrospectionSettings SETTINGS = new IntrospectionSettings(Duration.ofMinutes(1),
			Duration.ofSeconds(5), Duration.ofSeconds(2), 3);

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final IntrospectionCache cache = new IntrospectionCache(SETTINGS, this.clock);

	private final FakeIntrospection introspection = new FakeIntrospection();

	@Test
	void manyCallersOfOneTokenWhileItIsIntrospectedShareOneIntrospection() {
		List<CompletableFuture<OAuth2AuthenticatedPrincipal>> callers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			callers.add(this.cache.introspect("token", this.introspection));
		}
		assertThat(this.introspection.calls).hasSize(1);
		assertThat(callers).allMatch((caller) -> !caller.isDone());

		this.introspection.calls.get(0).complete(principal("alice", this.clock.instant().plusSeconds(3600)));

		assertThat(callers).allSatisfy((caller) -> assertThat(caller.join().getName()).isEqualTo("alice"));
	}

	@Test
	void aResultIsUsedUntilMaxAge() {
		introspectNow("token", principal("alice", this.clock.instant().plusSeconds(3600)));
		this.clock.advance(Duration.ofSeconds(59));
		this.cache.introspect("token", this.introspection);
		assertThat(this.introspection.calls).hasSize(1);

		this.clock.advance(Duration.ofSeconds(1));
		this.cache.introspect("token", this.introspection);
		assertThat(this.introspection.calls).hasSize(2);
	}

	@Test
	void aResultIsNeverUsedPastTheTokensExp() {
		introspectNow("token", principal("alice", this.clock.instant().plusSeconds(10)));
		this.clock.advance(Duration.ofSeconds(10));

		this.cache.introspect("token", this.introspection);

		assertThat(this.introspection.calls).hasSize(2);
	}

	@Test
	void anInactiveTokenIsRememberedAsSuch() {
		CompletableFuture<OAuth2AuthenticatedPrincipal> first = this.cache.introspect("bad", this.introspection);
		this.introspection.calls.get(0).completeExceptionally(new BadOpaqueTokenException("inactive"));

		CompletableFuture<OAuth2AuthenticatedPrincipal> second = this.cache.introspect("bad", this.introspection);

		assertThat(first).isCompletedExceptionally();
		assertThat(second.handle((principal, failure) -> failure)).isCompletedWithValueMatching(
				(failure) -> failure instanceof BadOpaqueTokenException);
		assertThat(this.introspection.calls).hasSize(1);
	}

	@Test
	void aFailureIsUnavailableAndNewTokensAreRefusedDuringTheCoolDownWhileKnownOnesWork() {
		introspectNow("known", principal("alice", this.clock.instant().plusSeconds(3600)));
		CompletableFuture<OAuth2AuthenticatedPrincipal> failed = this.cache.introspect("new", this.introspection);
		this.introspection.calls.get(1).completeExceptionally(new OAuth2IntrospectionException("Connection refused"));

		assertThat(failure(failed)).isInstanceOf(ZitadelUnavailableException.class);
		assertThat(failure(this.cache.introspect("other", this.introspection)))
			.isInstanceOf(ZitadelUnavailableException.class)
			.hasMessageContaining("not asked again until");
		assertThat(this.cache.introspect("known", this.introspection).join().getName()).isEqualTo("alice");
		assertThat(this.introspection.calls).hasSize(2);

		this.clock.advance(Duration.ofSeconds(2));
		this.cache.introspect("other", this.introspection);
		assertThat(this.introspection.calls).hasSize(3);
	}

	@Test
	void theCacheStaysWithinMaxEntries() {
		for (int i = 0; i < 10; i++) {
			introspectNow("token-" + i, principal("user-" + i, this.clock.instant().plusSeconds(3600)));
		}
		assertThat(this.cache.size()).isLessThanOrEqualTo(3);
	}

	@Test
	void failureMessagesNeverContainTheToken() {
		CompletableFuture<OAuth2AuthenticatedPrincipal> failed = this.cache.introspect("secret-token-value",
				this.introspection);
		this.introspection.calls.get(0).completeExceptionally(new OAuth2IntrospectionException("503 from ZITADEL"));
		assertThat(failure(failed).getMessage()).doesNotContain("secret-token-value");
	}

	private void introspectNow(String token, OAuth2AuthenticatedPrincipal principal) {
		CompletableFuture<OAuth2AuthenticatedPrincipal> result = this.cache.introspect(token, this.introspection);
		this.introspection.calls.get(this.introspection.calls.size() - 1).complete(principal);
		assertThat(result.join()).isSameAs(principal);
	}

	private static Throwable failure(CompletableFuture<?> future) {
		return future.handle((value, failure) -> IntrospectionCache.unwrap(failure)).join();
	}

	private static OAuth2AuthenticatedPrincipal principal(String sub, Instant exp) {
		return new OAuth2IntrospectionAuthenticatedPrincipal(sub, Map.of("sub", sub, "exp", exp), List.of());
	}

	/** Introspections that the test completes. */
	private static final class FakeIntrospection
			implements Function<String, CompletableFuture<OAuth2AuthenticatedPrincipal>> {

		final List<CompletableFuture<OAuth2AuthenticatedPrincipal>> calls = new ArrayList<>();

		@Override
		public CompletableFuture<OAuth2AuthenticatedPrincipal> apply(String token) {
			CompletableFuture<OAuth2AuthenticatedPrincipal> call = new CompletableFuture<>();
			this.calls.add(call);
			return call;
		}

	}

}
