package io.github.zitadelstarter.benchmark;

import java.lang.management.ManagementFactory;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.github.zitadelstarter.autoconfigure.ZitadelResourceServerAutoConfiguration;
import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.UserToken;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compares, side by side in one run, four servlet applications (Tomcat, real HTTP on
 * loopback) that answer {@code GET /api/greeting}, called by concurrent callers over a few
 * distinct users' tokens that a {@link LocalZitadel} issued with real signatures:
 * <ol type="a">
 * <li>no security (the floor; the requests carry a JWT all the same),</li>
 * <li>Spring Security's {@link SpringOpaqueTokenIntrospector} with the API application's
 * client id and secret, its defaults, as Spring Boot configures it from
 * {@code spring.security.oauth2.resourceserver.opaquetoken.*},</li>
 * <li>the starter with introspection ({@code private_key_jwt} with the API application's
 * key, its defaults),</li>
 * <li>the starter with JWTs, checked against the local ZITADEL's JWKS.</li>
 * </ol>
 * (b), (c) and (d) share one {@link SecurityFilterChain} of the application's: every request
 * authenticated by Spring Security's resource server. It prints the requests per second that
 * concurrent callers get as fast as the machine answers; the latency (median, p99) at a
 * steady rate that leaves the machine room, and what each adds to (a)'s; and the
 * introspections that each made, counted by the local ZITADEL. Last, what checking one token
 * costs each application's own beans, called in a loop on one thread.
 *
 * <p>
 * Run: {@code ./mvnw -pl zitadel-spring-boot-autoconfigure -am -Pbenchmark -DskipTests verify -Dbenchmark.scenarios=resource-server}.
 * System properties {@code benchmark.resourceServer.callers}, {@code .rate},
 * {@code .tokens}, {@code .warmupSeconds}, {@code .rounds} and {@code .roundSeconds} change
 * the load and shorten or lengthen it.
 */
public final class ResourceServerBenchmark {

	private static final String PROPERTY = "benchmark.resourceServer.";

	private static final int CALLERS = Integer.getInteger(PROPERTY + "callers", 16);

	private static final int RATE = Integer.getInteger(PROPERTY + "rate", 200);

	private static final int TOKENS = Integer.getInteger(PROPERTY + "tokens", 5);

	private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger(PROPERTY + "warmupSeconds", 5));

	private static final int ROUNDS = Integer.getInteger(PROPERTY + "rounds", 5);

	private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger(PROPERTY + "roundSeconds", 3));

	/** The starter's default {@code zitadel.resource-server.introspection.max-age}. */
	private static final Duration INTROSPECTION_MAX_AGE = Duration.ofMinutes(1);

	private static final String API = "/api/greeting";

	private final LocalZitadel zitadel;

	private final List<Variant> variants = new ArrayList<>();

	private ResourceServerBenchmark(LocalZitadel zitadel) {
		this.zitadel = zitadel;
	}

	public static void main(String[] args) {
		Set<String> scenarios = Set
			.copyOf(Arrays.asList(System.getProperty("benchmark.scenarios", "all").replace(" ", "").split(",")));
		if (!scenarios.contains("all") && !scenarios.contains("resource-server")) {
			return;
		}
		try (LocalZitadel zitadel = LocalZitadel.start()) {
			ResourceServerBenchmark benchmark = new ResourceServerBenchmark(zitadel);
			try {
				benchmark.run();
			}
			finally {
				benchmark.close();
			}
		}
	}

	private void run() {
		List<String> opaque = tokens(UserToken::opaque);
		List<String> jwts = tokens(UserToken::jwt);
		this.variants.add(start("(a) no security", jwts, NoSecurity.class, Map.of()));
		this.variants.add(start("(b) Spring Security's introspector", opaque, SpringSecurityIntrospection.class,
				Map.of("benchmark.introspection-uri", this.zitadel.issuer() + "/oauth/v2/introspect",
						"benchmark.client-id", this.zitadel.apiClientId(), "benchmark.client-secret",
						this.zitadel.apiClientSecret())));
		this.variants.add(start("(c) starter, introspection", opaque, Starter.class,
				this.zitadel.resourceServerProperties(LocalResourceServer.INTROSPECTION_KEY)));
		this.variants.add(start("(d) starter, JWT", jwts, Starter.class,
				this.zitadel.resourceServerProperties(LocalResourceServer.JWT)));
		System.out.printf(Locale.ROOT, "%nMachine: %d cores, Java %s, %s %s, load average %.1f%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				System.getProperty("os.name"), System.getProperty("os.arch"),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		for (Variant variant : this.variants) {
			Run warmUp = saturate(variant, WARMUP);
			// A call that fails would make every number that follows meaningless.
			if (!warmUp.failures().isEmpty()) {
				throw new IllegalStateException(variant.name() + " failed calls with valid tokens: " + warmUp.failures());
			}
			variant.record(warmUp);
		}
		List<Variant> order = new ArrayList<>(this.variants);
		// Interleaved, in a new order each round, so that drift (JIT, GC, the other processes
		// on the machine) spreads over all four instead of favouring one.
		for (int round = 0; round < ROUNDS; round++) {
			Collections.shuffle(order);
			for (Variant variant : order) {
				variant.throughput.add(variant.record(saturate(variant, ROUND)));
			}
			Collections.shuffle(order);
			for (Variant variant : order) {
				variant.latency.add(variant.record(paced(variant, ROUND)));
			}
		}
		report();
		tokenChecks();
	}

	/** {@link #TOKENS} users, each with a token of the API's project and the role viewer. */
	private List<String> tokens(Function<UserToken, String> format) {
		return IntStream.range(0, TOKENS)
			.mapToObj((i) -> format.apply(this.zitadel.userToken("user-" + i).role("viewer")))
			.toList();
	}

	private Variant start(String name, List<String> tokens, Class<?> application, Map<String, String> properties) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		all.put("spring.main.banner-mode", "off");
		all.put("logging.level.root", "warn");
		all.put("server.address", "127.0.0.1");
		all.put("server.port", "0");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.SERVLET)
			.logStartupInfo(false)
			.properties(all)
			.run();
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		// No limit on waiting for a connection: a pause of the server shows as latency, not as errors.
		ConnectionProvider connections = ConnectionProvider.builder("benchmark-" + port)
			.maxConnections(Math.max(CALLERS, 64))
			.pendingAcquireMaxCount(-1)
			.build();
		HttpClient client = HttpClient.create(connections).baseUrl("http://127.0.0.1:" + port);
		return new Variant(name, context, client, connections, tokens);
	}

	/**
	 * {@link #CALLERS} callers, each calling again as soon as its call ends, for
	 * {@code duration}: as many requests as the machine can answer.
	 */
	private Run saturate(Variant variant, Duration duration) {
		Calls calls = new Calls(variant);
		long deadline = System.nanoTime() + duration.toNanos();
		Flux.range(0, CALLERS)
			.flatMap((caller) -> Mono.defer(() -> calls.timed(this::call)).repeat(() -> System.nanoTime() < deadline),
					CALLERS)
			.blockLast(duration.plusMinutes(1));
		return calls.done();
	}

	/**
	 * {@link #RATE} calls a second for {@code duration}, each sent on time whatever the
	 * others wait: the latency of a request when the machine is not saturated.
	 */
	private Run paced(Variant variant, Duration duration) {
		Calls calls = new Calls(variant);
		long count = duration.toMillis() * RATE / 1000;
		Flux.interval(Duration.ofNanos(1_000_000_000L / RATE))
			.take(count)
			.flatMap((i) -> calls.timed(this::call), Integer.MAX_VALUE)
			.blockLast(duration.plusMinutes(1));
		return calls.done();
	}

	/** The status of one call; the body is read to its end, as a client would. */
	private Mono<Integer> call(HttpClient client, String token) {
		return client.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token))
			.get()
			.uri(API)
			.responseSingle((response, body) -> body.asString().defaultIfEmpty("").thenReturn(response.status().code()));
	}

	/**
	 * The CPU time of this process: the callers, the applications and, for (b) and (c), the
	 * local ZITADEL's introspections. Less moved by other processes on the machine than
	 * requests per second are.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private void report() {
		System.out.printf(Locale.ROOT,
				"%nResource server: GET %s on Tomcat over loopback, %d tokens in turn, %d s of warm-up per variant, "
						+ "then %d rounds of each measurement, interleaved.%n",
				API, TOKENS, WARMUP.toSeconds(), ROUNDS);
		Variant floor = this.variants.get(0);
		System.out.printf(Locale.ROOT, "%nThroughput, %d concurrent callers as fast as answered, %d s per round:%n",
				CALLERS, ROUND.toSeconds());
		for (Variant variant : this.variants) {
			double rate = variant.medianRate();
			double cpu = variant.cpuPerRequest();
			System.out.printf(Locale.ROOT, "  %-36s %7.0f req/s %+7.1f%%, CPU %6.1f us/request (%+6.1f us)  (rounds: %s)%n",
					variant.name(), rate, (rate / floor.medianRate() - 1) * 100, cpu, cpu - floor.cpuPerRequest(),
					variant.rates());
		}
		System.out.printf(Locale.ROOT, "%nLatency at a steady %d req/s, %d s per round:%n", RATE, ROUND.toSeconds());
		for (Variant variant : this.variants) {
			double median = variant.percentile(50);
			double p99 = variant.percentile(99);
			System.out.printf(Locale.ROOT, "  %-36s median %6.2f ms (%+6.2f ms), p99 %6.2f ms (%+6.2f ms)%n",
					variant.name(), median, median - floor.percentile(50), p99, p99 - floor.percentile(99));
		}
		System.out.printf(Locale.ROOT,
				"%nIntrospections that reached the local ZITADEL, warm-up included (the starter keeps a result %d s):%n",
				INTROSPECTION_MAX_AGE.toSeconds());
		for (Variant variant : this.variants) {
			System.out.printf(Locale.ROOT, "  %-36s %7d introspections for %7d requests over %3d s%s%n", variant.name(),
					variant.introspections, variant.requests, variant.inUse().toSeconds(),
					variant.failures.isEmpty() ? "" : "; failed: " + variant.failures);
		}
	}

	/**
	 * What checking one token costs the applications' own beans, called in a loop on one
	 * thread: no HTTP to the application, no filter chain, no other caller.
	 */
	private void tokenChecks() {
		Variant spring = this.variants.get(1);
		Variant introspection = this.variants.get(2);
		Variant jwt = this.variants.get(3);
		OpaqueTokenIntrospector springIntrospector = spring.context.getBean(OpaqueTokenIntrospector.class);
		OpaqueTokenIntrospector starterIntrospector = introspection.context.getBean(OpaqueTokenIntrospector.class);
		OpaqueTokenAuthenticationConverter opaqueConverter = introspection.context
			.getBean(OpaqueTokenAuthenticationConverter.class);
		JwtDecoder decoder = jwt.context.getBean(JwtDecoder.class);
		JwtAuthenticationConverter jwtConverter = jwt.context.getBean(JwtAuthenticationConverter.class);
		System.out.printf(Locale.ROOT,
				"%nOne token checked by the applications' own beans, in a loop on one thread (median of 5 runs):%n");
		tokenCheck("(b) introspect (an HTTP request)", spring.tokens, 500, springIntrospector::introspect);
		tokenCheck("(c) introspect (a cached result), convert", introspection.tokens, 20_000,
				(token) -> opaqueConverter.convert(token, starterIntrospector.introspect(token)));
		tokenCheck("(d) decode, convert", jwt.tokens, 5_000, (token) -> jwtConverter.convert(decoder.decode(token)));
	}

	private static void tokenCheck(String name, List<String> tokens, int calls, Function<String, ?> check) {
		List<Double> micros = new ArrayList<>();
		for (int run = -2; run < 5; run++) {
			long start = System.nanoTime();
			for (int i = 0; i < calls; i++) {
				check.apply(tokens.get(i % tokens.size()));
			}
			if (run >= 0) {
				micros.add((System.nanoTime() - start) / 1e3 / calls);
			}
		}
		Collections.sort(micros);
		System.out.printf(Locale.ROOT, "  %-44s %8.1f us  (runs: %s)%n", name, micros.get(2),
				micros.stream().map((value) -> String.format(Locale.ROOT, "%.1f", value)).toList());
	}

	private void close() {
		for (Variant variant : this.variants) {
			variant.context.close();
			variant.connections.dispose();
		}
	}

	/** The calls of one run: their latencies, their failures and the introspections they caused. */
	private final class Calls {

		private final Variant variant;

		private final AtomicLong sequence = new AtomicLong();

		private final LongStream.Builder latencyNanos = LongStream.builder();

		private final Map<String, Integer> failures = new ConcurrentHashMap<>();

		private final long introspectionsBefore = ResourceServerBenchmark.this.zitadel.introspectionCount();

		private final Instant started = Instant.now();

		private final long cpuStart = processCpuNanos();

		private final long start = System.nanoTime();

		Calls(Variant variant) {
			this.variant = variant;
		}

		/** One call with the next token, timed from its start to the end of the answer. */
		Mono<Void> timed(BiFunction<HttpClient, String, Mono<Integer>> call) {
			long callStart = System.nanoTime();
			List<String> tokens = this.variant.tokens;
			String token = tokens.get((int) (this.sequence.getAndIncrement() % tokens.size()));
			return call.apply(this.variant.client, token).doOnNext((status) -> {
				if (status == 200) {
					long nanos = System.nanoTime() - callStart;
					synchronized (this.latencyNanos) {
						this.latencyNanos.add(nanos);
					}
				}
				else {
					this.failures.merge("HTTP " + status, 1, Integer::sum);
				}
			}).onErrorResume((ex) -> {
				this.failures.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
				return Mono.empty();
			}).then();
		}

		Run done() {
			long elapsed = System.nanoTime() - this.start;
			long cpu = processCpuNanos() - this.cpuStart;
			long[] nanos;
			synchronized (this.latencyNanos) {
				nanos = this.latencyNanos.build().toArray();
			}
			return new Run(this.started, nanos, elapsed, cpu,
					ResourceServerBenchmark.this.zitadel.introspectionCount() - this.introspectionsBefore,
					new TreeMap<>(this.failures));
		}

	}

	/** What one run measured. */
	private record Run(Instant started, long[] latencyNanos, long elapsedNanos, long cpuNanos, long introspections,
			Map<String, Integer> failures) {

		double rate() {
			return this.latencyNanos.length * 1e9 / this.elapsedNanos;
		}

	}

	/** One application under load, and what its runs measured. */
	private static final class Variant {

		final String name;

		final ConfigurableApplicationContext context;

		final HttpClient client;

		final ConnectionProvider connections;

		final List<String> tokens;

		final List<Run> throughput = new ArrayList<>();

		final List<Run> latency = new ArrayList<>();

		long introspections;

		long requests;

		final Map<String, Integer> failures = new TreeMap<>();

		private @Nullable Instant firstRequest;

		private @Nullable Instant lastRequest;

		private long @Nullable [] sortedLatencies;

		Variant(String name, ConfigurableApplicationContext context, HttpClient client, ConnectionProvider connections,
				List<String> tokens) {
			this.name = name;
			this.context = context;
			this.client = client;
			this.connections = connections;
			this.tokens = tokens;
		}

		/** Counts a run's requests, introspections and failures. */
		Run record(Run run) {
			if (this.firstRequest == null) {
				this.firstRequest = run.started();
			}
			this.lastRequest = run.started().plusNanos(run.elapsedNanos());
			this.introspections += run.introspections();
			this.requests += run.latencyNanos().length;
			run.failures().forEach((failure, count) -> this.failures.merge(failure, count, Integer::sum));
			return run;
		}

		String name() {
			return this.name;
		}

		double medianRate() {
			List<Double> rates = new ArrayList<>(this.throughput.stream().map(Run::rate).toList());
			Collections.sort(rates);
			int middle = rates.size() / 2;
			return (rates.size() % 2 == 1) ? rates.get(middle) : (rates.get(middle - 1) + rates.get(middle)) / 2;
		}

		/** The CPU time of this whole process per request of the saturating runs, in microseconds. */
		double cpuPerRequest() {
			long cpu = this.throughput.stream().mapToLong(Run::cpuNanos).sum();
			long requests = this.throughput.stream().mapToLong((run) -> run.latencyNanos().length).sum();
			return cpu / 1e3 / requests;
		}

		String rates() {
			return this.throughput.stream().map((run) -> String.format(Locale.ROOT, "%.0f", run.rate())).toList().toString();
		}

		/** The latency of this percentile of the paced calls, in milliseconds. */
		double percentile(double percentile) {
			if (this.sortedLatencies == null) {
				this.sortedLatencies = this.latency.stream()
					.flatMapToLong((run) -> Arrays.stream(run.latencyNanos()))
					.sorted()
					.toArray();
			}
			long[] sorted = this.sortedLatencies;
			int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
		}

		/** From the start of its first run to the end of its last. */
		Duration inUse() {
			return Duration.between(Objects.requireNonNull(this.firstRequest, "no run recorded"),
					Objects.requireNonNull(this.lastRequest, "no run recorded"));
		}

	}

	/** The protected endpoint: the same answer in every variant. */
	@RestController
	static class GreetingController {

		@GetMapping(API)
		String greeting(@Nullable Principal principal) {
			return "Hello, " + ((principal != null) ? principal.getName() : "whoever you are");
		}

	}

	/** (a): a servlet application with no security at all. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class })
	@Import(GreetingController.class)
	static class NoSecurity {

	}

	/**
	 * The application's own security of (b), (c) and (d): every request authenticated by
	 * Spring Security's resource server, with the JWT decoder or the introspector in the
	 * context.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	@Import(NoSecurity.class)
	static class Secured {

		@Bean
		SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			http.oauth2ResourceServer((resourceServer) -> {
				if (jwtDecoder.getIfAvailable() != null) {
					resourceServer.jwt(Customizer.withDefaults());
				}
				else {
					resourceServer.opaqueToken(Customizer.withDefaults());
				}
			});
			return http.build();
		}

	}

	/** (b): Spring Security's own introspector, as Spring Boot builds it from its properties. */
	@Configuration(proxyBeanMethods = false)
	@Import(Secured.class)
	static class SpringSecurityIntrospection {

		@Bean
		OpaqueTokenIntrospector springOpaqueTokenIntrospector(Environment environment) {
			return SpringOpaqueTokenIntrospector
				.withIntrospectionUri(environment.getRequiredProperty("benchmark.introspection-uri"))
				.clientId(environment.getRequiredProperty("benchmark.client-id"))
				.clientSecret(environment.getRequiredProperty("benchmark.client-secret"))
				.build();
		}

	}

	/** (c) and (d): the starter, as {@code zitadel.resource-server.*} configures it. */
	@Configuration(proxyBeanMethods = false)
	@Import(Secured.class)
	@ImportAutoConfiguration(ZitadelResourceServerAutoConfiguration.class)
	static class Starter {

	}

}
