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
 * authenticated by Spring Security's resource server. It prints the requests per second,
 * the latency (median, p99) and what each adds to (a)'s, and the introspections that each
 * made, counted by the local ZITADEL.
 *
 * <p>
 * Run: {@code ./mvnw -pl zitadel-spring-boot-autoconfigure -am -Pbenchmark -DskipTests verify -Dbenchmark.scenarios=resource-server}.
 * System properties {@code benchmark.resourceServer.callers}, {@code .tokens},
 * {@code .warmupSeconds}, {@code .rounds} and {@code .roundSeconds} change the load and
 * shorten or lengthen it.
 */
public final class ResourceServerBenchmark {

	private static final String PROPERTY = "benchmark.resourceServer.";

	private static final int CALLERS = Integer.getInteger(PROPERTY + "callers", 16);

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
			Run warmUp = load(variant, WARMUP);
			// A call that fails would make every number that follows meaningless.
			if (!warmUp.failures().isEmpty()) {
				throw new IllegalStateException(variant.name() + " failed calls with valid tokens: " + warmUp.failures());
			}
			variant.record(warmUp, false);
		}
		List<Variant> order = new ArrayList<>(this.variants);
		// Interleaved, in a new order each round, so that drift (JIT, GC, the other engineers'
		// builds) spreads over all four instead of favouring one.
		for (int round = 0; round < ROUNDS; round++) {
			Collections.shuffle(order);
			for (Variant variant : order) {
				variant.record(load(variant, ROUND), true);
			}
		}
		report();
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
		HttpClient client = HttpClient.create(ConnectionProvider.create("benchmark-" + port, CALLERS))
			.baseUrl("http://127.0.0.1:" + port);
		return new Variant(name, context, client, tokens);
	}

	/**
	 * {@link #CALLERS} callers, each calling again as soon as its call ends, for
	 * {@code duration}, with the tokens in turn.
	 */
	private Run load(Variant variant, Duration duration) {
		AtomicLong sequence = new AtomicLong();
		List<LongStream.Builder> latencies = Collections.synchronizedList(new ArrayList<>());
		Map<String, Integer> failures = new ConcurrentHashMap<>();
		long introspectionsBefore = this.zitadel.introspectionCount();
		Instant started = Instant.now();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Flux.range(0, CALLERS).flatMap((caller) -> {
			// One caller's calls follow one another: its own builder needs no lock.
			LongStream.Builder mine = LongStream.builder();
			latencies.add(mine);
			return Mono.defer(() -> {
				long callStart = System.nanoTime();
				String token = variant.tokens().get((int) (sequence.getAndIncrement() % variant.tokens().size()));
				return call(variant.client(), token).doOnNext((status) -> {
					if (status == 200) {
						mine.add(System.nanoTime() - callStart);
					}
					else {
						failures.merge("HTTP " + status, 1, Integer::sum);
					}
				}).onErrorResume((ex) -> {
					failures.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
					return Mono.empty();
				});
			}).repeat(() -> System.nanoTime() < deadline);
		}, CALLERS).blockLast(duration.plusMinutes(1));
		long elapsed = System.nanoTime() - start;
		long[] nanos = latencies.stream().flatMapToLong(LongStream.Builder::build).toArray();
		return new Run(started, nanos, elapsed, this.zitadel.introspectionCount() - introspectionsBefore,
				new TreeMap<>(failures));
	}

	/** The status of one call; the body is read to its end, as a client would. */
	private static Mono<Integer> call(HttpClient client, String token) {
		return client.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token))
			.get()
			.uri(API)
			.responseSingle((response, body) -> body.asString().defaultIfEmpty("").thenReturn(response.status().code()));
	}

	private void report() {
		System.out.printf(Locale.ROOT,
				"%nResource server: %d concurrent callers over %d tokens, GET %s on Tomcat over loopback,%n"
						+ "%d rounds of %d s per variant, interleaved, after %d s of warm-up each:%n",
				CALLERS, TOKENS, API, ROUNDS, ROUND.toSeconds(), WARMUP.toSeconds());
		System.out.printf(Locale.ROOT, "  %-36s %8s %8s  %9s %9s  %12s %12s%n", "", "req/s", "", "median", "p99",
				"added median", "added p99");
		Variant floor = this.variants.get(0);
		double floorRate = floor.medianRate();
		double floorMedian = floor.percentile(50);
		double floorP99 = floor.percentile(99);
		for (Variant variant : this.variants) {
			double rate = variant.medianRate();
			double median = variant.percentile(50);
			double p99 = variant.percentile(99);
			System.out.printf(Locale.ROOT, "  %-36s %8.0f %+7.1f%%  %6.2f ms %6.2f ms  %+9.2f ms %+9.2f ms%n",
					variant.name(), rate, (rate / floorRate - 1) * 100, median, p99, median - floorMedian,
					p99 - floorP99);
		}
		System.out.printf(Locale.ROOT, "%nRequests per second of each round:%n");
		for (Variant variant : this.variants) {
			System.out.printf(Locale.ROOT, "  %-36s %s%n", variant.name(), variant.rates());
		}
		System.out.printf(Locale.ROOT,
				"%nIntrospections that reached the local ZITADEL, warm-up included (the starter keeps a result %d s):%n",
				INTROSPECTION_MAX_AGE.toSeconds());
		for (Variant variant : this.variants) {
			long seconds = variant.inUse().toSeconds();
			System.out.printf(Locale.ROOT, "  %-36s %8d introspections for %8d requests over %d s%s%n", variant.name(),
					variant.introspections(), variant.requests(), seconds,
					variant.failures().isEmpty() ? "" : "; failed: " + variant.failures());
		}
	}

	private void close() {
		for (Variant variant : this.variants) {
			variant.context().close();
		}
	}

	/** What one stretch of load measured. */
	private record Run(Instant started, long[] latencyNanos, long elapsedNanos, long introspections, Map<String, Integer> failures) {

		double rate() {
			return this.latencyNanos.length * 1e9 / this.elapsedNanos;
		}

	}

	/** One application under load, and what its runs measured. */
	private static final class Variant {

		private final String name;

		private final ConfigurableApplicationContext context;

		private final HttpClient client;

		private final List<String> tokens;

		private @Nullable Instant firstRequest;

		private @Nullable Instant lastRequest;

		private final List<Run> measured = new ArrayList<>();

		private long introspections;

		private long requests;

		private final Map<String, Integer> failures = new TreeMap<>();

		private long @Nullable [] sortedLatencies;

		Variant(String name, ConfigurableApplicationContext context, HttpClient client, List<String> tokens) {
			this.name = name;
			this.context = context;
			this.client = client;
			this.tokens = tokens;
		}

		void record(Run run, boolean measured) {
			if (this.firstRequest == null) {
				this.firstRequest = run.started();
			}
			this.lastRequest = run.started().plusNanos(run.elapsedNanos());
			if (measured) {
				this.measured.add(run);
			}
			this.introspections += run.introspections();
			this.requests += run.latencyNanos().length;
			run.failures().forEach((failure, count) -> this.failures.merge(failure, count, Integer::sum));
		}

		double medianRate() {
			List<Double> rates = new ArrayList<>(this.measured.stream().map(Run::rate).toList());
			Collections.sort(rates);
			int middle = rates.size() / 2;
			return (rates.size() % 2 == 1) ? rates.get(middle) : (rates.get(middle - 1) + rates.get(middle)) / 2;
		}

		String rates() {
			return this.measured.stream().map((run) -> String.format(Locale.ROOT, "%.0f", run.rate())).toList().toString();
		}

		/** The latency of this percentile of the measured calls, in milliseconds. */
		double percentile(double percentile) {
			if (this.sortedLatencies == null) {
				this.sortedLatencies = this.measured.stream()
					.flatMapToLong((run) -> Arrays.stream(run.latencyNanos()))
					.sorted()
					.toArray();
			}
			long[] sorted = this.sortedLatencies;
			int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
		}

		String name() {
			return this.name;
		}

		ConfigurableApplicationContext context() {
			return this.context;
		}

		HttpClient client() {
			return this.client;
		}

		List<String> tokens() {
			return this.tokens;
		}

		/** From the start of its first run to the end of its last. */
		Duration inUse() {
			return Duration.between(Objects.requireNonNull(this.firstRequest, "no run recorded"),
					Objects.requireNonNull(this.lastRequest, "no run recorded"));
		}

		long introspections() {
			return this.introspections;
		}

		long requests() {
			return this.requests;
		}

		Map<String, Integer> failures() {
			return this.failures;
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
