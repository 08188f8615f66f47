/**
 * Typed client of ZITADEL's authorization service
 * ({@code zitadel.authorization.v2.AuthorizationService}): authorizations, that is role
 * assignments of a user in a project (formerly "user grants"), not OAuth authorization.
 */
@NullMarked
package io.github.zitadelstarter.api.authorization;

import org.jspecify.annotations.NullMarked;
