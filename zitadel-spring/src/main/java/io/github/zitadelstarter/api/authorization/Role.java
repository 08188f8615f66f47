package io.github.zitadelstarter.api.authorization;

import org.jspecify.annotations.Nullable;

/**
 * A role granted by an authorization.
 *
 * @param key the role's key, which ZITADEL uses in authorization checks and as the claim in
 * tokens
 * @param displayName the role's human-readable name
 * @param group the role's display group
 */
public record Role(String key, @Nullable String displayName, @Nullable String group) {

}
