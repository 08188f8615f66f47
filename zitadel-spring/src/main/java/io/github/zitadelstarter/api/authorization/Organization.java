package io.github.zitadelstarter.api.authorization;

import org.jspecify.annotations.Nullable;

/**
 * The organization an authorization belongs to.
 *
 * @param id the organization's id
 * @param name the organization's name
 */
public record Organization(String id, @Nullable String name) {

}
