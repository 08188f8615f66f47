package io.github.zitadelstarter.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission ZITADEL checks for an RPC, as its API documentation names it. A typed
 * client's method carries it so that a {@code permission_denied} can say what the service user
 * probably lacks.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiredPermission {

	/**
	 * The permission.
	 * @return the permission, such as {@code user.write}
	 */
	String value();

}
