package io.github.zitadelstarter.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import io.github.zitadelstarter.autoconfigure.ZitadelAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelWebClientAutoConfiguration;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.JwtBearerReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Compares, side by side in one run against an in-process HTTP server on loopback:
 * <ol type="a">
 * <li>a WebClient with a fixed {@code Authorization} header (the floor),</li>
 * <li>Spring Security's JWT-bearer provider and exchange filter, wired by hand with their
 * defaults,</li>
 * <li>the starter's {@code zitadelWebClient}.</li>
 * </ol>
 * It prints the per-request cost of each, the token requests that 200 simultaneous cold
 * callers cause, and the calls that a token rollover stalls. The token endpoint here does
 * not check assertions: the benchmark measures the client.
 *
 * <p>
 * Run: {@code ./mvnw -pl zitadel-spring-boot-autoconfigure -am -Pbenchmark -DskipTests verify}.
 * System properties {@code benchmark.warmupRounds}, {@code benchmark.rounds}, {@code benchmark.requests} and
 * {@code benchmark.rolloverSeconds} shorten or lengthen it.
 */
public final class TokenBenchmark {

	private static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmupRounds", 20);

	private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 15);

	private static final int REQUESTS = Integer.getInteger("benchmark.requests", 10000);

	private static final int CONCURRENCY = 16;

	private static final int ROLLOVER_SECONDS = Integer.getInteger("benchmark.rolloverSeconds", 20);

	private static final Duration STALLED = Duration.ofSeconds(1);

	private static final TestServiceUser user = TestServiceUser.create();

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private volatile Duration tokenDelay = Duration.ZERO;

	private volatile long tokenLifetimeSeconds = 43199;

	private final DisposableServer server;

	private final String baseUrl;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private TokenBenchmark() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/oauth/v2/token", (request, response) -> {
				int n = this.tokenRequests.incrementAndGet();
				String json = "{\"access_token\":\"token-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":"
						+ this.tokenLifetimeSeconds + "}";
				return response.header("Content-Type", "application/json")
					.sendString(Mono.delay(this.tokenDelay).thenReturn(json));
			}).get("/api", (request, response) -> response.sendString(Mono.just("{\"ok\":true}"))))
			.bindNow();
		this.baseUrl = "http://127.0.0.1:" + this.server.port();
	}

	public static void main(String[] args) {
		TokenBenchmark benchmark = new TokenBenchmark();
		try {
			benchmark.run();
		}
		finally {
			benchmark.close();
		}
	}

	private void run() {
		System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
		perRequestCost();
		coldCallers();
		rollover(66, Duration.ofMillis(1500));
		rollover(10, Duration.ofMillis(1500));
	}

	private void perRequestCost() {
		this.tokenDelay = Duration.ZERO;
		this.tokenLifetimeSeconds = 43199;
		Map<String, WebClient> clients = new java.util.LinkedHashMap<>();
		clients.put("(a) fixed Authorization header", WebClient.builder()
			.baseUrl(this.baseUrl)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer fixed")
			.build());
		clients.put("(b) Spring Security by hand", springSecurityWebClient());
		clients.put("(c) zitadelWebClient", starterWebClient());
		Map<String, List<Double>> micros = new java.util.LinkedHashMap<>();
		clients.keySet().forEach((name) -> micros.put(name, new ArrayList<>()));
		List<String> order = new ArrayList<>(clients.keySet());
		// Interleaved, in a new order each round, so that drift (JIT, GC, the other core's
		// load) spreads over all three instead of favouring one.
		for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
			Collections.shuffle(order);
			for (String name : order) {
				double perRequest = measure(clients.get(name), REQUESTS);
				if (round >= WARMUP_ROUNDS) {
					micros.get(name).add(perRequest);
				}
			}
		}
		double floor = median(micros.get("(a) fixed Authorization header"));
		System.out.printf(Locale.ROOT, "%nPer-request cost, %d concurrent callers, median of %d rounds of %d requests after %d warm-up rounds:%n",
				CONCURRENCY, ROUNDS, REQUESTS, WARMUP_ROUNDS);
		micros.forEach((name, values) -> {
			double median = median(values);
			System.out.printf(Locale.ROOT, "  %-32s %8.1f us  %+6.1f%%  (rounds: %s)%n", name, median,
					(median / floor - 1) * 100, format(values));
		});
	}

	/** Mean microseconds per request over {@code requests} requests, CONCURRENCY at a time. */
	private static double measure(WebClient client, int requests) {
		long start = System.nanoTime();
		Flux.range(0, requests)
			.flatMap((i) -> client.get().uri("/api").retrieve().bodyToMono(String.class), CONCURRENCY)
			.blockLast(Duration.ofMinutes(5));
		return (System.nanoTime() - start) / 1000.0 / requests;
	}

	private void coldCallers() {
		this.tokenDelay = Duration.ofMillis(200);
		this.tokenLifetimeSeconds = 43199;
		System.out.printf(Locale.ROOT, "%n200 simultaneous callers, no token yet, token endpoint answering in 200 ms:%n");
		report("(b) Spring Security by hand", this::springSecurityWebClient);
		report("(c) zitadelWebClient", this::starterWebClient);
	}

	private void report(String name, Supplier<WebClient> clientFactory) {
		WebClient client = clientFactory.get();
		int before = this.tokenRequests.get();
		Flux.range(0, 200)
			.flatMap((i) -> client.get().uri("/api").retrieve().bodyToMono(String.class), 200)
			.blockLast(Duration.ofMinutes(1));
		System.out.printf(Locale.ROOT, "  %-32s %4d token requests%n", name, this.tokenRequests.get() - before);
	}

	private void rollover(long lifetimeSeconds, Duration endpointDelay) {
		this.tokenLifetimeSeconds = lifetimeSeconds;
		this.tokenDelay = endpointDelay;
		int calls = ROLLOVER_SECONDS * 10;
		System.out.printf(Locale.ROOT,
				"%nToken rollover: %d s tokens, token endpoint answering in %d ms, 10 calls/s for %d s (%d calls), "
						+ "stalled = slower than %d ms:%n",
				lifetimeSeconds, endpointDelay.toMillis(), ROLLOVER_SECONDS, calls, STALLED.toMillis());
		rolloverOf("(b) Spring Security by hand", springSecurityWebClient(), calls);
		rolloverOf("(c) zitadelWebClient", starterWebClient(), calls);
	}

	private void rolloverOf(String name, WebClient client, int calls) {
		client.get().uri("/api").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)); // first token
		int before = this.tokenRequests.get();
		AtomicInteger stalled = new AtomicInteger();
		Flux.interval(Duration.ofMillis(100)).take(calls).flatMap((i) -> {
			long start = System.nanoTime();
			return client.get().uri("/api").retrieve().bodyToMono(String.class).doOnNext((body) -> {
				if (System.nanoTime() - start > STALLED.toNanos()) {
					stalled.incrementAndGet();
				}
			});
		}, 1000).blockLast(Duration.ofSeconds(ROLLOVER_SECONDS + 60L));
		System.out.printf(Locale.ROOT, "  %-32s %4d stalled calls, %4d token requests%n", name, stalled.get(),
				this.tokenRequests.get() - before);
	}

	/** Spring Security's JWT-bearer provider and exchange filter, as one would wire them for ZITADEL. */
	private WebClient springSecurityWebClient() {
		ServiceUserKey key = ServiceUserKey.fromJson(user.keyJson());
		ServiceUserAssertionSigner signer = new ServiceUserAssertionSigner(key, this.baseUrl, Duration.ofMinutes(5),
				Duration.ofSeconds(30), Clock.systemUTC());
		ClientRegistration registration = ClientRegistration.withRegistrationId("zitadel")
			.authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
			.clientId(key.getUserId())
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.tokenUri(this.baseUrl + "/oauth/v2/token")
			.scope("openid", "urn:zitadel:iam:org:project:id:zitadel:aud")
			.build();
		JwtBearerReactiveOAuth2AuthorizedClientProvider provider = new JwtBearerReactiveOAuth2AuthorizedClientProvider();
		provider.setJwtAssertionResolver((context) -> Mono.fromSupplier(signer::sign));
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
		manager.setAuthorizedClientProvider(provider);
		ServerOAuth2AuthorizedClientExchangeFilterFunction filter = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
				manager);
		filter.setDefaultClientRegistrationId("zitadel");
		return WebClient.builder().baseUrl(this.baseUrl).filter(filter).build();
	}

	/** A new application context with the starter, and its zitadelWebClient. */
	private WebClient starterWebClient() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterOnly.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "zitadel.issuer=" + this.baseUrl,
					"zitadel.service-user.key-json=" + user.keyJson())
			.run();
		this.contexts.add(context);
		return context.getBean("zitadelWebClient", WebClient.class);
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static String format(List<Double> values) {
		return values.stream().map((v) -> String.format(Locale.ROOT, "%.1f", v)).toList().toString();
	}

	private void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.server.disposeNow();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZitadelAutoConfiguration.class, ZitadelWebClientAutoConfiguration.class,
			WebClientAutoConfiguration.class })
	static class StarterOnly {

	}

}
