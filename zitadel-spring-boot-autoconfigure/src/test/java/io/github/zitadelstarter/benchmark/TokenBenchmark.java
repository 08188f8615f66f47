package io.github.zitadelstarter.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import io.github.zitadelstarter.autoconfigure.ZitadelAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelWebClientAutoConfiguration;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

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
 * callers cause, and the calls that a token rollover stalls. Then, for (b) and (c), what a
 * hostile network does to them: a token endpoint that rate-limits with a long
 * {@code Retry-After}, one that keeps refusing the grant, an API that refuses every token,
 * and a token answer that trickles in a byte a second. The token endpoint here does not
 * check assertions: the benchmark measures the client.
 *
 * <p>
 * Run: {@code ./mvnw -pl zitadel-spring-boot-autoconfigure -am -Pbenchmark -DskipTests verify}.
 * System properties {@code benchmark.warmupRounds}, {@code benchmark.rounds}, {@code benchmark.requests} and
 * {@code benchmark.rolloverSeconds} shorten or lengthen it; {@code benchmark.scenarios} selects
 * scenarios by name or group (comma-separated: {@code all}, the default; {@code baseline}:
 * {@code cost}, {@code cold}, {@code rollover}; {@code hostile}: {@code retry-after},
 * {@code refusal}, {@code api-401}, {@code trickle}).
 */
public final class TokenBenchmark {

	private static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmupRounds", 20);

	private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 15);

	private static final int REQUESTS = Integer.getInteger("benchmark.requests", 10000);

	private static final int CONCURRENCY = 16;

	private static final int ROLLOVER_SECONDS = Integer.getInteger("benchmark.rolloverSeconds", 20);

	private static final Duration STALLED = Duration.ofSeconds(1);

	private static final Set<String> SCENARIOS = Set
		.copyOf(Arrays.asList(System.getProperty("benchmark.scenarios", "all").replace(" ", "").split(",")));

	/** How long the hostile scenarios call at 10 calls/s, or with concurrent callers. */
	private static final Duration HOSTILE_DURATION = Duration.ofSeconds(10);

	/**
	 * Every call of a hostile scenario is abandoned after this, so that a client without a
	 * deadline of its own cannot hang the benchmark.
	 */
	private static final Duration GIVE_UP = Duration.ofSeconds(60);

	private static final TestServiceUser user = TestServiceUser.create();

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private volatile Duration tokenDelay = Duration.ZERO;

	private volatile long tokenLifetimeSeconds = 43199;

	/** What the token endpoint answers; a hostile scenario swaps it for its own. */
	private volatile TokenAnswer tokenAnswer = this::token;

	/** The status of every API answer. */
	private volatile int apiStatus = 200;

	private final DisposableServer server;

	private final String baseUrl;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private TokenBenchmark() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post("/oauth/v2/token",
						(request, response) -> this.tokenAnswer.send(response, this.tokenRequests.incrementAndGet()))
				.get("/api", (request, response) -> api(response)))
			.bindNow();
		this.baseUrl = "http://127.0.0.1:" + this.server.port();
	}

	/** A token after {@code tokenDelay}, living {@code tokenLifetimeSeconds}. */
	private Publisher<Void> token(HttpServerResponse response, int n) {
		return response.header("Content-Type", "application/json")
			.sendString(Mono.delay(this.tokenDelay).thenReturn(tokenJson(n, this.tokenLifetimeSeconds)));
	}

	private static String tokenJson(int n, long lifetimeSeconds) {
		return "{\"access_token\":\"token-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":" + lifetimeSeconds
				+ "}";
	}

	private Publisher<Void> api(HttpServerResponse response) {
		if (this.apiStatus == 401) {
			// What ZITADEL's APIs answer to a token they do not accept.
			return response.status(401)
				.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"code\":16,\"message\":\"Errors.Token.Invalid (AUTH-7fs1e)\"}"));
		}
		return response.sendString(Mono.just("{\"ok\":true}"));
	}

	public static void main(String[] args) {
		// Only ResourceServerBenchmark's scenario selected, say: no server, no output.
		if (!(selected("cost", "baseline") || selected("cold", "baseline") || selected("rollover", "baseline")
				|| selected("retry-after", "hostile") || selected("refusal", "hostile")
				|| selected("api-401", "hostile") || selected("trickle", "hostile"))) {
			return;
		}
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
		if (selected("cost", "baseline")) {
			perRequestCost();
		}
		if (selected("cold", "baseline")) {
			coldCallers();
		}
		if (selected("rollover", "baseline")) {
			rollover(66, Duration.ofMillis(1500));
			rollover(10, Duration.ofMillis(1500));
		}
		if (selected("retry-after", "hostile")) {
			rateLimited();
		}
		if (selected("refusal", "hostile")) {
			standingRefusal();
		}
		if (selected("api-401", "hostile")) {
			apiRefusesEveryToken();
		}
		if (selected("trickle", "hostile")) {
			tricklingToken();
		}
	}

	private static boolean selected(String scenario, String group) {
		return SCENARIOS.contains("all") || SCENARIOS.contains(group) || SCENARIOS.contains(scenario);
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

	/** ZITADEL's rate limit, asking for an hour's pause: nothing is gained by asking sooner. */
	private void rateLimited() {
		hostile("Token endpoint answering 429 with Retry-After: 3600, " + tenPerSecondTitle() + ":",
				(response, n) -> response.status(429)
					.header("Retry-After", "3600")
					.header("Content-Type", "text/plain")
					.sendString(Mono.just("Too Many Requests")),
				200, tenPerSecond());
	}

	/** A grant that ZITADEL will keep refusing, such as a deleted service user's. */
	private void standingRefusal() {
		hostile("Token endpoint answering 400 {\"error\":\"invalid_grant\"}, " + tenPerSecondTitle() + ":",
				(response, n) -> response.status(400)
					.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"error\":\"invalid_grant\"}")),
				200, tenPerSecond());
	}

	/**
	 * Tokens arrive, but the API refuses each one, as after a wrong audience or a revoked
	 * grant: concurrent callers in a closed loop, so that many 401s meet at once.
	 */
	private void apiRefusesEveryToken() {
		int callers = 20;
		hostile(String.format(Locale.ROOT,
				"API answering 401 to every token, token endpoint answering at once, %d concurrent callers "
						+ "calling in a loop for %d s:",
				callers, HOSTILE_DURATION.toSeconds()), this::token, 401, concurrent(callers, HOSTILE_DURATION));
	}

	/**
	 * A token answer that trickles in: a read timeout restarts with every byte, so only a
	 * deadline on the whole request ends it. (c) gets short bounds so that it ends quickly.
	 */
	private void tricklingToken() {
		int bytes = tokenJson(1, 43199).length();
		hostile(String.format(Locale.ROOT,
				"Token answer trickling in at 1 byte/s (%d bytes), 5 calls 1 s apart, each abandoned after %d s;%n"
						+ "  (c) with zitadel.token.timeout=2s and zitadel.token.retry.max-elapsed=4s, "
						+ "so that no caller waits longer than 6 s:",
				bytes, GIVE_UP.toSeconds()), this::trickle, 200, paced(5, Duration.ofSeconds(1)),
				"zitadel.token.timeout=2s", "zitadel.token.retry.max-elapsed=4s");
	}

	/** A token, one byte a second, each byte flushed on its own. */
	private Publisher<Void> trickle(HttpServerResponse response, int n) {
		byte[] body = tokenJson(n, this.tokenLifetimeSeconds).getBytes(StandardCharsets.UTF_8);
		Flux<ByteBuf> oneByteASecond = Flux.range(0, body.length)
			.map((i) -> Unpooled.wrappedBuffer(body, i, 1))
			.delayElements(Duration.ofSeconds(1));
		return response.header("Content-Type", "application/json").send(oneByteASecond, (buffer) -> true);
	}

	/**
	 * Runs one hostile scenario for (b) and (c), each on a new client, with the token
	 * endpoint and the API answering as given; then the server answers normally again.
	 */
	private void hostile(String title, TokenAnswer answer, int apiStatus, Load load, String... starterProperties) {
		// ZITADEL's usual 12 h token, at once, whatever an earlier scenario left behind.
		this.tokenDelay = Duration.ZERO;
		this.tokenLifetimeSeconds = 43199;
		this.tokenAnswer = answer;
		this.apiStatus = apiStatus;
		try {
			System.out.printf(Locale.ROOT, "%n%s%n", title);
			hostileRun("(b) Spring Security by hand", springSecurityWebClient(), load);
			// The starter's WARN about the failures it meets would interleave with the table.
			List<String> properties = new ArrayList<>(List.of("logging.level.io.github.zitadelstarter=error"));
			properties.addAll(List.of(starterProperties));
			hostileRun("(c) zitadelWebClient", starterWebClient(properties.toArray(String[]::new)), load);
		}
		finally {
			this.tokenAnswer = this::token;
			this.apiStatus = 200;
		}
	}

	private void hostileRun(String name, WebClient client, Load load) {
		CallLog log = new CallLog();
		int before = this.tokenRequests.get();
		load.run(client, log);
		System.out.printf(Locale.ROOT, "  %-32s %4d token requests, %s%n", name, this.tokenRequests.get() - before,
				log.summary());
	}

	private static String tenPerSecondTitle() {
		long seconds = HOSTILE_DURATION.toSeconds();
		return String.format(Locale.ROOT, "10 calls/s for %d s (%d calls)", seconds, seconds * 10);
	}

	private static Load tenPerSecond() {
		return paced((int) HOSTILE_DURATION.toSeconds() * 10, Duration.ofMillis(100));
	}

	/** {@code calls} calls, one every {@code period}, each on its own whatever the others wait. */
	private static Load paced(int calls, Duration period) {
		return (client, log) -> Flux.interval(Duration.ZERO, period)
			.take(calls)
			.flatMap((i) -> timedCall(client, log), calls)
			.blockLast(period.multipliedBy(calls).plus(GIVE_UP).plusSeconds(10));
	}

	/** {@code callers} callers, each calling again as soon as its call ends, for {@code duration}. */
	private static Load concurrent(int callers, Duration duration) {
		return (client, log) -> {
			long deadline = System.nanoTime() + duration.toNanos();
			Flux.range(0, callers)
				.flatMap((i) -> timedCall(client, log).repeat(() -> System.nanoTime() < deadline), callers)
				.blockLast(duration.plus(GIVE_UP).plusSeconds(10));
		};
	}

	/**
	 * One call, recorded with what its caller got (an HTTP status, the exception's name, or
	 * nothing within {@link #GIVE_UP}) and how long it waited for that.
	 */
	private static Mono<Void> timedCall(WebClient client, CallLog log) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return client.get()
				.uri("/api")
				.exchangeToMono((response) -> response.releaseBody().thenReturn("HTTP " + response.statusCode().value()))
				.timeout(GIVE_UP, Mono.just("gave up after " + GIVE_UP.toSeconds() + " s"))
				.onErrorResume((ex) -> Mono.just(ex.getClass().getSimpleName()))
				.doOnNext((result) -> log.record(result, System.nanoTime() - start));
		}).then();
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
		return starterWebClient(new String[0]);
	}

	/** A new application context with the starter and these further properties, and its zitadelWebClient. */
	private WebClient starterWebClient(String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterOnly.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "zitadel.issuer=" + this.baseUrl,
					"zitadel.service-user.key-json=" + user.keyJson())
			.properties(properties)
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

	/** What the token endpoint answers to its {@code n}th request. */
	@FunctionalInterface
	private interface TokenAnswer {

		Publisher<Void> send(HttpServerResponse response, int n);

	}

	/** How a scenario's callers call a client, each call recorded in the log. */
	@FunctionalInterface
	private interface Load {

		void run(WebClient client, CallLog log);

	}

	/** How the calls of one client in one scenario ended, and how long their callers waited. */
	private static final class CallLog {

		private final Queue<Long> waitNanos = new ConcurrentLinkedQueue<>();

		private final Queue<String> results = new ConcurrentLinkedQueue<>();

		void record(String result, long nanos) {
			this.waitNanos.add(nanos);
			this.results.add(result);
		}

		/** Calls, wait per call, and the results with their counts, in name order. */
		String summary() {
			List<Long> sorted = new ArrayList<>(this.waitNanos);
			Collections.sort(sorted);
			long median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1_000_000;
			long max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1_000_000;
			Map<String, Integer> counts = new TreeMap<>();
			this.results.forEach((result) -> counts.merge(result, 1, Integer::sum));
			StringBuilder results = new StringBuilder();
			counts.forEach((result, count) -> results.append((results.length() > 0) ? ", " : "")
				.append(count)
				.append(" x ")
				.append(result));
			return String.format(Locale.ROOT, "%5d calls, wait per call: median %5d ms, max %5d ms; results: %s",
					sorted.size(), median, max, results);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZitadelAutoConfiguration.class, ZitadelWebClientAutoConfiguration.class,
			WebClientAutoConfiguration.class })
	static class StarterOnly {

	}

}
