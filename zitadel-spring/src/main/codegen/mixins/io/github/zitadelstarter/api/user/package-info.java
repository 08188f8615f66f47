/**
 * Typed clients of ZITADEL's user service ({@code zitadel.user.v2.UserService}): humans and machine
 * users, their metadata, keys, personal access tokens and secrets.
 */
@NullMarked
package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.NullMarked;
