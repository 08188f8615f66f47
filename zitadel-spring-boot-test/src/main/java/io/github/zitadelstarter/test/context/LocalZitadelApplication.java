package io.github.zitadelstarter.test.context;

import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ServiceUserCredential;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.function.ThrowingConsumer;

/**
 * Runs an application against a {@link LocalZitadel} at development time, Spring Boot's way
 * with a test-classpath {@code main} started by {@code spring-boot:test-run}:
 *
 * <pre class="code">
 * public class TestMyApplication {
 *
 *     public static void main(String[] args) {
 *         LocalZitadelApplication.run(MyApplication::main, LocalZitadel.start(), args);
 *     }
 *
 * }
 * </pre>
 *
 * The application's own {@code main} runs unchanged; its environment gets the local
 * ZITADEL's {@code zitadel.*} properties with the highest precedence, its context the
 * {@link LocalZitadel} as a bean named {@value EnableLocalZitadel#BEAN_NAME}, and its log a
 * notice that this is a local stand-in, not ZITADEL. The local ZITADEL stops with the
 * application.
 */
public final class LocalZitadelApplication {

	private static final Log logger = LogFactory.getLog(LocalZitadelApplication.class);

	private LocalZitadelApplication() {
	}

	/**
	 * Runs the application's {@code main} against the local ZITADEL with its JSON key.
	 * @param main the application's {@code main} method, such as {@code MyApplication::main}
	 * @param zitadel the started local ZITADEL
	 * @param args the command-line arguments
	 */
	public static void run(ThrowingConsumer<String[]> main, LocalZitadel zitadel, String... args) {
		run(main, zitadel, ServiceUserCredential.KEY, args);
	}

	/**
	 * Runs the application's {@code main} against the local ZITADEL with the given
	 * credential.
	 * @param main the application's {@code main} method, such as {@code MyApplication::main}
	 * @param zitadel the started local ZITADEL
	 * @param credential the credential the application is configured with
	 * @param args the command-line arguments
	 */
	public static void run(ThrowingConsumer<String[]> main, LocalZitadel zitadel, ServiceUserCredential credential,
			String... args) {
		run(main, zitadel, credential, LocalResourceServer.NONE, args);
	}

	/**
	 * Runs the application's {@code main} against the local ZITADEL with the given
	 * credential, checking its users' tokens as {@code resourceServer} says.
	 * @param main the application's {@code main} method, such as {@code MyApplication::main}
	 * @param zitadel the started local ZITADEL
	 * @param credential the credential the application is configured with
	 * @param resourceServer how the application checks its users' tokens
	 * @param args the command-line arguments
	 */
	public static void run(ThrowingConsumer<String[]> main, LocalZitadel zitadel, ServiceUserCredential credential,
			LocalResourceServer resourceServer, String... args) {
		run(main, zitadel, credential, resourceServer, "/", "", args);
	}

	/**
	 * Runs the application's {@code main} against the local ZITADEL, checking its users'
	 * tokens as {@code resourceServer} says, and tells in its log how to call one of its
	 * protected endpoints with a user's token.
	 * @param main the application's {@code main} method, such as {@code MyApplication::main}
	 * @param zitadel the started local ZITADEL
	 * @param credential the credential the application is configured with
	 * @param resourceServer how the application checks its users' tokens
	 * @param apiPath the path of a protected endpoint, such as {@code /api/greeting}
	 * @param apiRole a role the endpoint needs
	 * @param args the command-line arguments
	 */
	public static void run(ThrowingConsumer<String[]> main, LocalZitadel zitadel, ServiceUserCredential credential,
			LocalResourceServer resourceServer, String apiPath, String apiRole, String... args) {
		SpringApplicationHook hook = (application) -> new SpringApplicationRunListener() {

			@Override
			public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
					ConfigurableEnvironment environment) {
				environment.getPropertySources()
					.addFirst(new MapPropertySource(LocalZitadelContextCustomizer.PROPERTY_SOURCE_NAME,
							LocalZitadelContextCustomizer.properties(zitadel, credential, resourceServer)));
			}

			@Override
			public void contextPrepared(ConfigurableApplicationContext context) {
				// Logging is set up by now.
				String port = context.getEnvironment().getProperty("server.port", "8080");
				logger.warn(zitadel.notice() + zitadel.resourceServerNotice(resourceServer,
						"http://localhost:" + port + apiPath, apiRole));
			}

			@Override
			public void contextLoaded(ConfigurableApplicationContext context) {
				LocalZitadelContextCustomizer.registerBean(context, zitadel);
			}

			@Override
			public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
				zitadel.close();
			}

		};
		SpringApplication.withHook(hook, () -> main.accept(args));
	}

}
