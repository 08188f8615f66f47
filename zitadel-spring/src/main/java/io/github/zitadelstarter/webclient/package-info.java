/**
 * Attaching ZITADEL access tokens to WebClient requests.
 */
@NullMarked
package io.github.zitadelstarter.webclient;

import org.jspecify.annotations.NullMarked;
