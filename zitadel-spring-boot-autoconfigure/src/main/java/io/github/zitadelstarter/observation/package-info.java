/**
 * Micrometer observations and metrics of token acquisition.
 */
@NullMarked
package io.github.zitadelstarter.observation;

import org.jspecify.annotations.NullMarked;
