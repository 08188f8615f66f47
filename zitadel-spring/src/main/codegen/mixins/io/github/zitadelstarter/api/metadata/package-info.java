/**
 * The metadata types shared by the user and organization services ({@code zitadel.metadata.v2}): a
 * listed entry and the filters of metadata lists.
 */
@NullMarked
package io.github.zitadelstarter.api.metadata;

import org.jspecify.annotations.NullMarked;
