package io.github.zitadelstarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A fetcher whose answers the test decides, counting the token requests (subscriptions).
 */
final class FakeFetcher implements AccessTokenFetcher {

	private final Clock clock;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger tokens = new AtomicInteger();

	private final List<Sinks.One<OAuth2AccessToken>> pending = new CopyOnWriteArrayList<>();

	private final AtomicInteger cancelled = new AtomicInteger();

	private volatile Supplier<Mono<OAuth2AccessToken>> answer;

	FakeFetcher(Clock clock) {
		this.clock = clock;
		this.answer = () -> Mono.just(token(Duration.ofHours(12)));
	}

	@Override
	public Mono<OAuth2AccessToken> fetchToken() {
		return Mono.defer(() -> {
			this.requests.incrementAndGet();
			return this.answer.get();
		}).doOnCancel(this.cancelled::incrementAndGet);
	}

	/** Answers each request at once with a new token that lives this long. */
	FakeFetcher answersTokens(Duration lifetime) {
		this.answer = () -> Mono.just(token(lifetime));
		return this;
	}

	/** Answers each request at once with this failure. */
	FakeFetcher fails(Supplier<Throwable> failure) {
		this.answer = () -> Mono.error(failure.get());
		return this;
	}

	/** Leaves each request open until the test completes it through {@link #pending(int)}. */
	FakeFetcher answersLater() {
		this.answer = () -> {
			Sinks.One<OAuth2AccessToken> sink = Sinks.one();
			this.pending.add(sink);
			return sink.asMono();
		};
		return this;
	}

	FakeFetcher answers(Supplier<Mono<OAuth2AccessToken>> answer) {
		this.answer = answer;
		return this;
	}

	Sinks.One<OAuth2AccessToken> pending(int index) {
		return this.pending.get(index);
	}

	int requests() {
		return this.requests.get();
	}

	int cancelled() {
		return this.cancelled.get();
	}

	/** A new token, t1, t2 ..., issued now. */
	OAuth2AccessToken token(Duration lifetime) {
		Instant now = this.clock.instant();
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "t" + this.tokens.incrementAndGet(), now,
				now.plus(lifetime));
	}

	/** A failure explained as the starter's own fetcher explains it. */
	static ZitadelTokenException endpointFailure(int status, String error, @Nullable String description,
			@Nullable Duration retryAfter) {
		TokenEndpointException answer = new TokenEndpointException(status, new OAuth2Error(error, description, null),
				retryAfter);
		return ZitadelTokenException.explain(answer, "http://zitadel.test/oauth/v2/token", assertion());
	}

	/** The token endpoint did not answer at all. */
	static ZitadelTokenException unreachable() {
		return ZitadelTokenException.explain(new java.net.ConnectException("Connection refused"),
				"http://zitadel.test/oauth/v2/token", assertion());
	}

	private static Jwt assertion() {
		Instant now = Instant.now();
		return Jwt.withTokenValue("signed-assertion")
			.header("alg", "RS256")
			.header("kid", "key-1")
			.claim("iss", "user-1")
			.subject("user-1")
			.audience(List.of("http://zitadel.test"))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.build();
	}

}
