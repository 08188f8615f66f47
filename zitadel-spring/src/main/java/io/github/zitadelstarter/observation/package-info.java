/**
 * Micrometer observations and metrics of token acquisition and of the typed clients' API calls.
 */
@NullMarked
package io.github.zitadelstarter.observation;

import org.jspecify.annotations.NullMarked;
