/**
 * The shared list and filter types of ZITADEL's v2 APIs ({@code zitadel.filter.v2}):
 * pagination and the ID, text and timestamp filters that the services' search filters use.
 */
@NullMarked
package io.github.zitadelstarter.api.filter;

import org.jspecify.annotations.NullMarked;
