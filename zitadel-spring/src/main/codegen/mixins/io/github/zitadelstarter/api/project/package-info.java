/**
 * Typed client of ZITADEL's project service ({@code zitadel.project.v2.ProjectService}):
 * projects, their roles and their grants to other organizations.
 */
@NullMarked
package io.github.zitadelstarter.api.project;

import org.jspecify.annotations.NullMarked;
