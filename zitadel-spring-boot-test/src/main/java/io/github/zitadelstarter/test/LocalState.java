package io.github.zitadelstarter.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the local v2 services know beyond the service user and its organization, shared
 * between them: an authorization names a user and a project, a user an organization.
 * Everything here was created by a test and is forgotten on {@link LocalZitadel#reset()}.
 */
final class LocalState {

	private final Directory directory;

	// Organizations added through the organization service, by id.
	private final Map<String, Map<String, Object>> organizations = new ConcurrentHashMap<>();

	LocalState(Directory directory) {
		this.directory = directory;
	}

	Directory directory() {
		return this.directory;
	}

	/** Whether an organization exists: the service user's own or one a test added. */
	boolean organizationExists(String organizationId) {
		return this.directory.organizationId().equals(organizationId)
				|| this.organizations.containsKey(organizationId);
	}

	Map<String, Map<String, Object>> organizations() {
		return this.organizations;
	}

	void reset() {
		this.organizations.clear();
	}

}
