package io.github.zitadelstarter.actions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method as the endpoint of a ZITADEL target: every request to its paths
 * has its {@code ZITADEL-Signature} checked before any handler runs, and is refused with 401
 * when the check fails. With Spring Boot, the signing key is
 * {@code zitadel.actions.targets.<value>.signing-key}, or {@code zitadel.actions.signing-key}
 * when the annotation names no target; the application does not start without one.
 *
 * <pre>{@code
 * @PostMapping("/actions/preaccesstoken")
 * @ZitadelActionTarget
 * FunctionAnswer preAccessToken(@RequestBody FunctionPayload payload) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ZitadelActionTarget {

	/**
	 * The target's name under {@code zitadel.actions.targets}, whose signing key checks the
	 * calls; empty for the shared {@code zitadel.actions.signing-key}.
	 * @return the target's name
	 */
	String value() default "";

}
