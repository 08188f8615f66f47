package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.jspecify.annotations.Nullable;

/**
 * Users by phone number ({@code zitadel.user.v2.PhoneQuery}).
 *
 * @param number the phone number
 * @param method how it is compared; equals if absent
 */
public record PhoneQuery(String number, @Nullable TextQueryMethod method) {

}
