package io.github.zitadelstarter.api.object;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * When an object was created and last changed, and who owns it ({@code zitadel.object.v2.Details}).
 *
 * @param sequence the sequence of the last event on the object
 * @param changeDate when the object was last changed
 * @param resourceOwner the organization or instance the object belongs to
 * @param creationDate when the object was created
 */
public record Details(@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable Long sequence,
		@Nullable Instant changeDate, @Nullable String resourceOwner, @Nullable Instant creationDate) {

}
