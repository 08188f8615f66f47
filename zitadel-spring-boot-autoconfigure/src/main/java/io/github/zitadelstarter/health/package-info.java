/**
 * Actuator health of the service user's token acquisition.
 */
@NullMarked
package io.github.zitadelstarter.health;

import org.jspecify.annotations.NullMarked;
