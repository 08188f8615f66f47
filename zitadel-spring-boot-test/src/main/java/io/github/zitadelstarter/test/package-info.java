/**
 * A local ZITADEL for tests and development: {@link io.github.zitadelstarter.test.LocalZitadel}
 * models the rules ZITADEL applies to service users and their API calls. It is not ZITADEL.
 */
@NullMarked
package io.github.zitadelstarter.test;

import org.jspecify.annotations.NullMarked;
