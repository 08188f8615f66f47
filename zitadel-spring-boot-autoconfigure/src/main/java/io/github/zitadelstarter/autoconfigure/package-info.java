/**
 * Auto-configuration, properties and startup diagnostics of the ZITADEL starter.
 */
@NullMarked
package io.github.zitadelstarter.autoconfigure;

import org.jspecify.annotations.NullMarked;
