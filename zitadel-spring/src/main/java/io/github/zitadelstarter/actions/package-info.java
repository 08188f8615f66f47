/**
 * ZITADEL calling the application (Actions v2): the {@code ZITADEL-Signature} of a call checked
 * over its raw body before a handler sees it, the payloads ZITADEL sends and the answers a
 * {@code call} target gives, in ZITADEL's JSON spelling.
 */
@NullMarked
package io.github.zitadelstarter.actions;

import org.jspecify.annotations.NullMarked;
