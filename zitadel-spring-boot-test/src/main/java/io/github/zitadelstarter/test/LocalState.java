package io.github.zitadelstarter.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What the local v2 services know beyond the service user and its organization, shared
 * between them: an authorization names a user and a project, a user an organization.
 * Everything here was created by a test and is forgotten on {@link LocalZitadel#reset()}.
 */
final class LocalState {

	private final Directory directory;

	// Organizations added through the organization service, by id.
	private final Map<String, Map<String, Object>> organizations = new ConcurrentHashMap<>();

	// Projects (with their roles and grants) and authorizations added through the project and
	// authorization services, by id, in creation order; guarded by this, since an authorization
	// is checked against a project and a project's removal takes its authorizations along.
	private final Map<String, LocalProject> projects = new LinkedHashMap<>();

	private final Map<String, LocalAuthorization> authorizations = new LinkedHashMap<>();

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

	/** An organization's name, {@code null} if it does not exist. */
	@Nullable String organizationName(String organizationId) {
		if (this.directory.organizationId().equals(organizationId)) {
			return this.directory.organizationName();
		}
		Map<String, Object> organization = this.organizations.get(organizationId);
		return (organization != null && organization.get("name") instanceof String name) ? name : null;
	}

	Map<String, Map<String, Object>> organizations() {
		return this.organizations;
	}

	/** The projects by id; hold this state's lock while using them. */
	Map<String, LocalProject> projects() {
		return this.projects;
	}

	/** The authorizations by id; hold this state's lock while using them. */
	Map<String, LocalAuthorization> authorizations() {
		return this.authorizations;
	}

	void reset() {
		this.organizations.clear();
		synchronized (this) {
			this.projects.clear();
			this.authorizations.clear();
		}
	}

}
