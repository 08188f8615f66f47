package io.github.zitadelstarter.api.authorization;

import org.jspecify.annotations.Nullable;

/**
 * The project of an authorization.
 *
 * @param id the project's id
 * @param name the project's name
 * @param organizationId the id of the organization that owns the project (and granted it, if
 * the authorization is on a granted project)
 */
public record Project(String id, @Nullable String name, @Nullable String organizationId) {

}
