/**
 * Helpers that the library's packages share. Not API: public only so that the other packages of
 * the library can reach them; they may change in any release without notice.
 */
@NullMarked
package io.github.zitadelstarter.internal;

import org.jspecify.annotations.NullMarked;
