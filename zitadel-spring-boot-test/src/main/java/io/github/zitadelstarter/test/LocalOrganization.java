package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An organization as the local organization service keeps it, with its metadata. Mutable;
 * guarded by the {@link LocalState} that holds it.
 */
final class LocalOrganization {

	final String id;

	final Instant creationDate;

	// Orders the organizations by when they were added.
	final long added;

	String name;

	String primaryDomain;

	String state = "ORGANIZATION_STATE_ACTIVE";

	Instant changeDate;

	long sequence = 1;

	final Map<String, LocalUser.Entry> metadata = new LinkedHashMap<>();

	LocalOrganization(String id, String name, Instant creationDate, long added) {
		this.id = id;
		this.name = name;
		this.primaryDomain = domain(name);
		this.creationDate = creationDate;
		this.changeDate = creationDate;
		this.added = added;
	}

	/** Records a change, as every event on the organization counts up its sequence. */
	void changed(Instant now) {
		this.changeDate = now;
		this.sequence++;
	}

	void rename(String name) {
		this.name = name;
		this.primaryDomain = domain(name);
	}

	/** The default domain of an organization, from its name as ZITADEL derives it. */
	static String domain(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".localhost";
	}

}
