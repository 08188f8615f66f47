/**
 * Attaching ZITADEL access tokens to RestClient requests and HTTP interface clients.
 */
@NullMarked
package io.github.zitadelstarter.restclient;

import org.jspecify.annotations.NullMarked;
