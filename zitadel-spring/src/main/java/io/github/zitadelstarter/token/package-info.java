/**
 * Obtaining, caching and refreshing ZITADEL access tokens.
 */
@NullMarked
package io.github.zitadelstarter.token;

import org.jspecify.annotations.NullMarked;
