package io.github.zitadelstarter.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import static io.github.zitadelstarter.test.LocalJson.enumValue;
import static io.github.zitadelstarter.test.LocalJson.message;
import static io.github.zitadelstarter.test.LocalJson.object;
import static io.github.zitadelstarter.test.LocalJson.objects;
import static io.github.zitadelstarter.test.LocalJson.require;
import static io.github.zitadelstarter.test.LocalJson.string;
import static io.github.zitadelstarter.test.LocalJson.strings;

/**
 * The local ZITADEL's organization service ({@code zitadel.org.v2.OrganizationService}):
 * organizations with state and metadata, the service user's own among them, answered as
 * ZITADEL answers them. Names are unique in the instance; the service user's organization is
 * the instance's default one and cannot be deleted; deleting an organization deletes its users.
 */
final class LocalOrganizationService {

	static final String SERVICE = "zitadel.org.v2.OrganizationService";

	private static final String NOT_FOUND = "Organisation not found (COMMAND-ZBrh3)";

	private final LocalState state;

	// Creates the human admins, with the user service's checks.
	private final LocalUserService users;

	private final LocalMetadata metadata = new LocalMetadata("zitadel.org.v2.Metadata");

	// Orders the organizations by when they were added; guarded by the state.
	private long added;

	LocalOrganizationService(LocalState state, LocalUserService users) {
		this.state = state;
		this.users = users;
	}

	void register(ConnectRpcs rpcs) {
		add(rpcs, "AddOrganization", "org.create", this::addOrganization);
		add(rpcs, "UpdateOrganization", "org.write", this::updateOrganization);
		add(rpcs, "ListOrganizations", "org.read", this::listOrganizations);
		add(rpcs, "DeleteOrganization", "org.delete", this::deleteOrganization);
		add(rpcs, "DeactivateOrganization", "org.write", (request, context) -> changeState(request, context,
				"DeactivateOrganizationRequest", "ORGANIZATION_STATE_ACTIVE", "ORGANIZATION_STATE_INACTIVE",
				"Organisation is already deactivated (COMMAND-Dbs2g)"));
		add(rpcs, "ActivateOrganization", "org.write", (request, context) -> changeState(request, context,
				"ActivateOrganizationRequest", "ORGANIZATION_STATE_INACTIVE", "ORGANIZATION_STATE_ACTIVE",
				"Organisation is not deactivated (COMMAND-bfnrh)"));
		add(rpcs, "SetOrganizationMetadata", "org.write", this::setMetadata);
		add(rpcs, "ListOrganizationMetadata", "org.read", this::listMetadata);
		add(rpcs, "DeleteOrganizationMetadata", "org.write", this::deleteMetadata);
	}

	private void add(ConnectRpcs rpcs, String method, String permission, ConnectRpcs.Handler handler) {
		rpcs.add(SERVICE, method, permission, (request, context) -> {
			synchronized (this.state) {
				return handler.handle(request, context);
			}
		});
	}

	/** The domain of an organization that its users' login names end with. */
	static String primaryDomain(LocalState state, String organizationId) {
		LocalOrganization organization = state.organizations().get(organizationId);
		if (organization != null) {
			return organization.primaryDomain;
		}
		return state.directory().organizationId().equals(organizationId) ? state.directory().primaryDomain()
				: organizationId + ".localhost";
	}

	private Map<String, Object> addOrganization(Map<String, Object> request, RpcContext context) {
		String name = require(request, "AddOrganizationRequest", "name");
		requireUniqueName(name, null);
		String organizationId = string(request, "organizationId");
		if (organizationId == null) {
			organizationId = string(request, "orgId");
		}
		if (organizationId != null && this.state.organizationExists(organizationId)) {
			throw ConnectError.alreadyExists("Organisation already exists (COMMAND-QWE3s)");
		}
		String id = (organizationId != null) ? organizationId : context.newId();
		List<Map<String, Object>> admins = objects(request, "admins");
		for (Map<String, Object> admin : admins) {
			strings(admin, "roles");
			String userId = string(admin, "userId");
			if ((userId == null) == (object(admin, "human") == null)) {
				throw ConnectError.invalidArgument("invalid AddOrganizationRequest_Admin.UserType: value is required");
			}
			if (userId != null && !this.state.userExists(userId)) {
				throw ConnectError.notFound(LocalUserService.USER_NOT_FOUND);
			}
		}
		organizations().put(id, new LocalOrganization(id, name, context.now(), ++this.added));
		List<Object> createdAdmins = new ArrayList<>();
		try {
			for (Map<String, Object> admin : admins) {
				Map<String, Object> human = object(admin, "human");
				createdAdmins.add((human != null) ? addHuman(id, human, context)
						: message("userId", string(admin, "userId")));
			}
		}
		catch (ConnectError ex) {
			// A refused request adds nothing, as in ZITADEL's single transaction.
			this.state.organizations().remove(id);
			for (LocalUser user : List.copyOf(this.state.users().values())) {
				if (user.organizationId.equals(id)) {
					this.state.removeUser(user.id);
				}
			}
			throw ex;
		}
		return message("details",
				message("sequence", 1L, "changeDate", context.now(), "resourceOwner", id, "creationDate", context.now()),
				"organizationId", id, "createdAdmins", createdAdmins);
	}

	/** Creates an admin given as a {@code zitadel.user.v2.AddHumanUserRequest}. */
	private Map<String, Object> addHuman(String organizationId, Map<String, Object> human, RpcContext context) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("organizationId", organizationId);
		for (String field : List.of("userId", "username")) {
			if (human.containsKey(field)) {
				request.put(field, human.get(field));
			}
		}
		Map<String, Object> data = new LinkedHashMap<>(human);
		data.keySet().removeAll(List.of("userId", "username", "organization", "metadata"));
		request.put("human", data);
		List<Object> metadata = new ArrayList<>();
		for (Map<String, Object> entry : objects(human, "metadata")) {
			metadata.add(entry);
		}
		request.put("metadata", metadata);
		// The user service creates it, with the same checks as CreateUser.
		Map<String, Object> created = this.users.createUser(request, context);
		return message("userId", created.get("id"), "emailCode", created.get("emailCode"), "phoneCode",
				created.get("phoneCode"));
	}

	private Map<String, Object> updateOrganization(Map<String, Object> request, RpcContext context) {
		LocalOrganization organization = requireOrganization(request, "UpdateOrganizationRequest");
		String name = require(request, "UpdateOrganizationRequest", "name");
		if (name.equals(organization.name)) {
			throw ConnectError.failedPrecondition("Organisation name has not changed (COMMAND-fSSc9)");
		}
		requireUniqueName(name, organization.id);
		organization.rename(name);
		organization.changed(context.now());
		return message("changeDate", context.now());
	}

	private Map<String, Object> listOrganizations(Map<String, Object> request, RpcContext context) {
		LocalJson.Page page = LocalJson.Page.of(object(request, "query"), "zitadel.object.v2.ListQuery");
		String sortingColumn = enumValue(request, "sortingColumn");
		Predicate<LocalOrganization> matches = (organization) -> true;
		for (Map<String, Object> query : objects(request, "queries")) {
			matches = matches.and(query(query));
		}
		List<LocalOrganization> found = organizations().values()
			.stream()
			.sorted(Comparator.comparingLong((organization) -> organization.added))
			.filter(matches)
			.toList();
		// No order asked for: the order they were added.
		Comparator<LocalOrganization> sorting = (sortingColumn == null) ? null
				: "ORGANIZATION_FIELD_NAME_NAME".equals(sortingColumn)
						? Comparator.comparing((organization) -> organization.name.toLowerCase(Locale.ROOT))
						: Comparator.comparing((organization) -> organization.creationDate);
		return message("details", message("totalResult", (long) found.size(), "timestamp", context.now()),
				"sortingColumn", sortingColumn, "result", page.render(found, sorting, this::render));
	}

	private Predicate<LocalOrganization> query(Map<String, Object> query) {
		if (query.size() != 1) {
			throw ConnectError.invalidArgument("invalid SearchQuery.Query: value is required");
		}
		String kind = query.keySet().iterator().next();
		Map<String, Object> value = object(query, kind);
		if (value == null) {
			throw ConnectError.invalidArgument("invalid SearchQuery." + kind + ": value is required");
		}
		switch (kind) {
			case "nameQuery", "domainQuery" -> {
				String field = kind.equals("nameQuery") ? "name" : "domain";
				String messageName = kind.equals("nameQuery") ? "OrganizationNameQuery" : "OrganizationDomainQuery";
				String expected = require(value, messageName, field);
				String method = enumValue(value, "method");
				boolean byName = kind.equals("nameQuery");
				return (organization) -> LocalJson.matches(byName ? organization.name : organization.primaryDomain,
						expected, method);
			}
			case "stateQuery" -> {
				String expected = String.valueOf(enumValue(value, "state"));
				return (organization) -> expected.equals(organization.state);
			}
			case "idQuery" -> {
				String expected = require(value, "OrganizationIDQuery", "id");
				return (organization) -> expected.equals(organization.id);
			}
			default -> {
				String builtIn = this.state.directory().organizationId();
				return (organization) -> builtIn.equals(organization.id);
			}
		}
	}

	private Map<String, Object> deleteOrganization(Map<String, Object> request, RpcContext context) {
		String id = requireOrganization(request, "DeleteOrganizationRequest").id;
		if (id.equals(this.state.directory().organizationId())) {
			throw ConnectError.failedPrecondition("The default organisation cannot be deleted (COMMAND-wvbfW)");
		}
		this.state.organizations().remove(id);
		for (LocalUser user : List.copyOf(this.state.users().values())) {
			if (user.organizationId.equals(id)) {
				this.state.removeUser(user.id);
			}
		}
		return message("deletionDate", context.now());
	}

	private Map<String, Object> changeState(Map<String, Object> request, RpcContext context, String messageName,
			String from, String to, String refusal) {
		LocalOrganization organization = requireOrganization(request, messageName);
		if (!from.equals(organization.state)) {
			throw ConnectError.failedPrecondition(refusal);
		}
		organization.state = to;
		organization.changed(context.now());
		return message("changeDate", context.now());
	}

	private Map<String, Object> setMetadata(Map<String, Object> request, RpcContext context) {
		LocalOrganization organization = requireOrganization(request, "SetOrganizationMetadataRequest");
		this.metadata.set(organization.metadata, objects(request, "metadata"), context.now());
		organization.changed(context.now());
		return message("setDate", context.now());
	}

	private Map<String, Object> listMetadata(Map<String, Object> request, RpcContext context) {
		return this.metadata.list(requireOrganization(request, "ListOrganizationMetadataRequest").metadata, request);
	}

	private Map<String, Object> deleteMetadata(Map<String, Object> request, RpcContext context) {
		LocalOrganization organization = requireOrganization(request, "DeleteOrganizationMetadataRequest");
		this.metadata.delete(organization.metadata, strings(request, "keys"));
		organization.changed(context.now());
		return message("deletionDate", context.now());
	}

	// ---------------------------------------------------------------------------------

	/** The organizations, the service user's own included, which joins when first needed. */
	private Map<String, LocalOrganization> organizations() {
		Directory directory = this.state.directory();
		Map<String, LocalOrganization> organizations = this.state.organizations();
		if (!organizations.containsKey(directory.organizationId())) {
			LocalOrganization own = new LocalOrganization(directory.organizationId(), directory.organizationName(),
					directory.created(), 0);
			own.primaryDomain = directory.primaryDomain();
			organizations.put(own.id, own);
		}
		return organizations;
	}

	private LocalOrganization requireOrganization(Map<String, Object> request, String messageName) {
		LocalOrganization organization = organizations().get(require(request, messageName, "organizationId"));
		if (organization == null) {
			throw ConnectError.notFound(NOT_FOUND);
		}
		return organization;
	}

	private void requireUniqueName(String name, @Nullable String organizationId) {
		boolean taken = organizations().values()
			.stream()
			.anyMatch((other) -> !other.id.equals(organizationId) && other.name.equalsIgnoreCase(name));
		if (taken) {
			throw ConnectError.alreadyExists("Organisation's name already taken (COMMAND-ADS21)");
		}
	}

	/** A {@code zitadel.org.v2.Organization}. */
	private Map<String, Object> render(LocalOrganization organization) {
		return message("id", organization.id, "details",
				message("sequence", organization.sequence, "changeDate", organization.changeDate, "resourceOwner",
						organization.id),
				"state", organization.state, "name", organization.name, "primaryDomain", organization.primaryDomain);
	}

}
