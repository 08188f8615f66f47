package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * A project of the local project service, with its roles and its grants to other
 * organizations. Mutable; guarded by the {@link LocalState} that holds it.
 */
final class LocalProject {

	private static final AtomicLong sequences = new AtomicLong();

	final String id;

	final String organizationId;

	final Instant creationDate;

	final long sequence = sequences.incrementAndGet();

	String name;

	boolean active = true;

	boolean projectRoleAssertion;

	boolean authorizationRequired;

	boolean projectAccessRequired;

	@Nullable String privateLabelingSetting;

	Instant changeDate;

	/** By key, in the order they were added. */
	final Map<String, Role> roles = new LinkedHashMap<>();

	/** By the id of the organization the project is granted to. */
	final Map<String, Grant> grants = new LinkedHashMap<>();

	LocalProject(String id, String organizationId, String name, Instant creationDate) {
		this.id = id;
		this.organizationId = organizationId;
		this.name = name;
		this.creationDate = creationDate;
		this.changeDate = creationDate;
	}

	/** A role of the project. */
	static final class Role {

		final String key;

		final Instant creationDate;

		final long sequence = sequences.incrementAndGet();

		String displayName;

		@Nullable String group;

		Instant changeDate;

		Role(String key, String displayName, @Nullable String group, Instant creationDate) {
			this.key = key;
			this.displayName = displayName;
			this.group = group;
			this.creationDate = creationDate;
			this.changeDate = creationDate;
		}

	}

	/** The project granted to another organization with some of its roles. */
	static final class Grant {

		final String id;

		final String grantedOrganizationId;

		final Instant creationDate;

		final long sequence = sequences.incrementAndGet();

		List<String> roleKeys;

		boolean active = true;

		Instant changeDate;

		Grant(String id, String grantedOrganizationId, List<String> roleKeys, Instant creationDate) {
			this.id = id;
			this.grantedOrganizationId = grantedOrganizationId;
			this.roleKeys = new ArrayList<>(roleKeys);
			this.creationDate = creationDate;
			this.changeDate = creationDate;
		}

	}

}
