/**
 * The shared types of ZITADEL's v2 APIs ({@code zitadel.object.v2}): an organization reference,
 * list queries and the details of a change or a list.
 */
@NullMarked
package io.github.zitadelstarter.api.object;

import org.jspecify.annotations.NullMarked;
