/**
 * Signing the JWT assertions that a service user trades for access tokens.
 */
@NullMarked
package io.github.zitadelstarter.assertion;

import org.jspecify.annotations.NullMarked;
