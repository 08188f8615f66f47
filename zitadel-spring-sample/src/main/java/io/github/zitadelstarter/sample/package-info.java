/**
 * A WebFlux application that calls ZITADEL as a service user through the starter.
 */
@NullMarked
package io.github.zitadelstarter.sample;

import org.jspecify.annotations.NullMarked;
