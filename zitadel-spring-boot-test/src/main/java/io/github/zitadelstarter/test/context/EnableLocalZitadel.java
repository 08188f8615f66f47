package io.github.zitadelstarter.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ServiceUserCredential;

/**
 * Starts a {@link LocalZitadel} for a Spring test's application context (such as a
 * {@code @SpringBootTest}) and points the starter at it. The local ZITADEL models ZITADEL's
 * rules; it is not ZITADEL.
 * <p>
 * The context gets the properties {@code zitadel.issuer} and the chosen
 * {@link #credential() credential} ({@code zitadel.service-user.key-json} by default) with
 * the highest precedence, and the {@link LocalZitadel} as a bean named
 * {@value #BEAN_NAME}, which a test can {@code @Autowired} to inject faults and see what it
 * received. Its faults, added answers and records are reset after each test method. It
 * stops when the context closes. Test classes with the same settings share a context, and
 * so one local ZITADEL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EnableLocalZitadel {

	/** The name of the {@link LocalZitadel} bean. */
	String BEAN_NAME = "localZitadel";

	/**
	 * The credential the application is configured with.
	 * @return the credential
	 */
	ServiceUserCredential credential() default ServiceUserCredential.KEY;

	/**
	 * How long access tokens live, such as {@code 20s}; empty for ZITADEL's default of 12
	 * hours less a second.
	 * @return the access token lifetime
	 */
	String accessTokenLifetime() default "";

	/**
	 * Whether and how the application checks its users' tokens against the local ZITADEL:
	 * {@code zitadel.resource-server.*} is set accordingly.
	 * @return how the application checks tokens
	 */
	LocalResourceServer resourceServer() default LocalResourceServer.NONE;

}
