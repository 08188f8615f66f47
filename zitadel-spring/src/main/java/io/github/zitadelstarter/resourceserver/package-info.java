/**
 * The application's own API protected by ZITADEL: users' access tokens checked as JWTs or by
 * introspection, ZITADEL's roles as authorities, and role checks per organization and project.
 */
@NullMarked
package io.github.zitadelstarter.resourceserver;

import org.jspecify.annotations.NullMarked;
