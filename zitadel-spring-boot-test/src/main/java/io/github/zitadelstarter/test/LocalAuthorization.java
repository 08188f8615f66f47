package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * An authorization (a "user grant") of the local authorization service: roles of a project
 * granted to a user in an organization. Mutable; guarded by the {@link LocalState} that holds
 * it.
 */
final class LocalAuthorization {

	private static final AtomicLong sequences = new AtomicLong();

	final String id;

	final String userId;

	final String projectId;

	/** The organization it belongs to: the project's owner or one the project is granted to. */
	final String organizationId;

	/** The project grant it was given under, {@code null} on the owner's project. */
	final @Nullable String projectGrantId;

	final Instant creationDate;

	final long sequence = sequences.incrementAndGet();

	List<String> roleKeys;

	boolean active = true;

	Instant changeDate;

	LocalAuthorization(String id, String userId, String projectId, String organizationId,
			@Nullable String projectGrantId, List<String> roleKeys, Instant creationDate) {
		this.id = id;
		this.userId = userId;
		this.projectId = projectId;
		this.organizationId = organizationId;
		this.projectGrantId = projectGrantId;
		this.roleKeys = new ArrayList<>(roleKeys);
		this.creationDate = creationDate;
		this.changeDate = creationDate;
	}

}
