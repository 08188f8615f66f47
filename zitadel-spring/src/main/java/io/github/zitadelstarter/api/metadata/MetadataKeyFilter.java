package io.github.zitadelstarter.api.metadata;

import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * Metadata whose key matches ({@code zitadel.metadata.v2.MetadataKeyFilter}).
 *
 * @param key the key
 * @param method how the key is compared; equals if absent
 */
public record MetadataKeyFilter(String key, @Nullable TextFilterMethod method) {

}
