/**
 * Reading and validating a ZITADEL service user's JSON key.
 */
@NullMarked
package io.github.zitadelstarter.key;

import org.jspecify.annotations.NullMarked;
