/**
 * Spring wiring for the local ZITADEL: {@link io.github.zitadelstarter.test.context.EnableLocalZitadel}
 * on a Spring test, {@link io.github.zitadelstarter.test.context.LocalZitadelApplication} for
 * running an application against it at development time.
 */
@NullMarked
package io.github.zitadelstarter.test.context;

import org.jspecify.annotations.NullMarked;
