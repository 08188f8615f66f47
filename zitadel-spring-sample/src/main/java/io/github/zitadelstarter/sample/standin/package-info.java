/**
 * A local, in-process stand-in for ZITADEL that the sample starts when no real instance is
 * configured. It enforces ZITADEL's contract for service users strictly.
 */
@NullMarked
package io.github.zitadelstarter.sample.standin;

import org.jspecify.annotations.NullMarked;
