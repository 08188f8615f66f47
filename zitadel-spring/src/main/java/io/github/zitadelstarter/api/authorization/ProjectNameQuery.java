package io.github.zitadelstarter.api.authorization;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * Matches authorizations by project name, those on grants of the project included.
 *
 * @param name the project name to compare with
 * @param method how it is compared; equals if absent
 */
public record ProjectNameQuery(String name, @Nullable TextFilterMethod method) {

}
