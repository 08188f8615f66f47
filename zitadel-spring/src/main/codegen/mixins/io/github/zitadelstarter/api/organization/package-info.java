/**
 * Typed clients of ZITADEL's organization service ({@code zitadel.org.v2.OrganizationService}):
 * organizations, their state and their metadata.
 */
@NullMarked
package io.github.zitadelstarter.api.organization;

import org.jspecify.annotations.NullMarked;
