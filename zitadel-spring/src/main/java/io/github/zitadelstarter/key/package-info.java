/**
 * Reading and validating ZITADEL's JSON keys: a service user's and an application's.
 */
@NullMarked
package io.github.zitadelstarter.key;

import org.jspecify.annotations.NullMarked;
