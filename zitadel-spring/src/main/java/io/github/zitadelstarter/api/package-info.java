/**
 * Typed clients of ZITADEL's v2 services ({@link io.github.zitadelstarter.api.ZitadelClients},
 * {@link io.github.zitadelstarter.api.ReactiveZitadelClients}) and what they share: errors as
 * {@link io.github.zitadelstarter.api.ZitadelApiException}, paging, ZITADEL's JSON.
 */
@NullMarked
package io.github.zitadelstarter.api;

import org.jspecify.annotations.NullMarked;
