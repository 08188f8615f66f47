package io.github.zitadelstarter.test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What the local v2 services know beyond the service user and its organization, shared
 * between them: an authorization names a user and a project, a user an organization.
 * Everything here was created by a test and is forgotten on {@link LocalZitadel#reset()}.
 */
final class LocalState {

	private final Directory directory;

	// Organizations by id: those added through the organization service, and the service user's
	// own once the organization service has seen it.
	private final Map<String, LocalOrganization> organizations = new ConcurrentHashMap<>();

	// Users by id, in the order they were added; guarded by this. The directory's users (the
	// service user and those a test added with LocalZitadel.addHumanUser) join when first seen,
	// so that the v2 RPCs and the REST routes show the same users.
	private final Map<String, LocalUser> users = new LinkedHashMap<>();

	// Ids of directory users that a v2 RPC deleted, so that they do not join again; guarded by this.
	private final Set<String> deletedDirectoryUsers = new HashSet<>();

	// Projects (with their roles and grants) and authorizations added through the project and
	// authorization services, by id, in creation order; guarded by this, since an authorization
	// is checked against a project and a project's removal takes its authorizations along.
	private final Map<String, LocalProject> projects = new LinkedHashMap<>();

	private final Map<String, LocalAuthorization> authorizations = new LinkedHashMap<>();

	// Sessions of the session service, by id, in creation order; guarded by this.
	private final Map<String, LocalSession> sessions = new LinkedHashMap<>();

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
		LocalOrganization organization = this.organizations.get(organizationId);
		if (organization != null) {
			return organization.name;
		}
		return this.directory.organizationId().equals(organizationId) ? this.directory.organizationName() : null;
	}

	Map<String, LocalOrganization> organizations() {
		return this.organizations;
	}

	/**
	 * The users by id, in the order they were added; hold this state's lock while using them.
	 * @return the users
	 */
	Map<String, LocalUser> users() {
		for (Directory.User known : this.directory.users()) {
			if (!this.users.containsKey(known.id()) && !this.deletedDirectoryUsers.contains(known.id())) {
				this.users.put(known.id(), fromDirectory(known));
			}
		}
		return this.users;
	}

	/**
	 * A user; hold this state's lock while using it.
	 * @param userId the user's id
	 * @return the user, {@code null} if there is none
	 */
	@Nullable LocalUser user(String userId) {
		return users().get(userId);
	}

	/**
	 * Whether a user exists.
	 * @param userId the user's id
	 * @return whether it exists
	 */
	synchronized boolean userExists(String userId) {
		return user(userId) != null;
	}

	/** Adds a user that a v2 RPC created; hold this state's lock. */
	void addUser(LocalUser user) {
		users();
		this.users.put(user.id, user);
		this.directory.put(toDirectory(user, true));
	}

	/** Shows a changed user's name to the REST routes too; hold this state's lock. */
	void userChanged(LocalUser user) {
		this.directory.users()
			.stream()
			.filter((known) -> known.id().equals(user.id))
			.findFirst()
			.ifPresent((known) -> this.directory.put(toDirectory(user, known.added())));
	}

	/**
	 * Removes a user; hold this state's lock. The REST routes keep showing the service user and
	 * the local ZITADEL's own users, which {@link #reset()} brings back.
	 */
	void removeUser(String userId) {
		this.users.remove(userId);
		this.deletedDirectoryUsers.add(userId);
		this.directory.remove(userId);
	}

	/** The projects by id; hold this state's lock while using them. */
	Map<String, LocalProject> projects() {
		return this.projects;
	}

	/** The authorizations by id; hold this state's lock while using them. */
	Map<String, LocalAuthorization> authorizations() {
		return this.authorizations;
	}

	/** The sessions by id; hold this state's lock while using them. */
	Map<String, LocalSession> sessions() {
		return this.sessions;
	}

	void reset() {
		this.organizations.clear();
		synchronized (this) {
			this.users.clear();
			this.deletedDirectoryUsers.clear();
			this.projects.clear();
			this.authorizations.clear();
			this.sessions.clear();
		}
	}

	private LocalUser fromDirectory(Directory.User known) {
		boolean human = known.givenName() != null;
		LocalUser user = new LocalUser(known.id(), this.directory.organizationId(), known.userName(), human,
				this.directory.created());
		if (human) {
			user.givenName = known.givenName();
			user.familyName = known.familyName();
			user.displayName = known.displayName();
			user.email = known.userName() + "@" + this.directory.primaryDomain();
			user.emailVerified = true;
		}
		else {
			user.name = known.machineName();
			user.description = known.description();
			user.secret = "";
		}
		return user;
	}

	// The REST routes know one organization; a user of another is shown in it regardless.
	private static Directory.User toDirectory(LocalUser user, boolean added) {
		return user.human
				? new Directory.User(user.id, user.username, user.givenName, user.familyName, null, null, added)
				: new Directory.User(user.id, user.username, null, null, user.name, user.description, added);
	}

}
