package io.github.zitadelstarter.test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

import static io.github.zitadelstarter.test.LocalJson.bool;
import static io.github.zitadelstarter.test.LocalJson.bytes;
import static io.github.zitadelstarter.test.LocalJson.enumValue;
import static io.github.zitadelstarter.test.LocalJson.instant;
import static io.github.zitadelstarter.test.LocalJson.message;
import static io.github.zitadelstarter.test.LocalJson.object;
import static io.github.zitadelstarter.test.LocalJson.objects;
import static io.github.zitadelstarter.test.LocalJson.require;
import static io.github.zitadelstarter.test.LocalJson.string;
import static io.github.zitadelstarter.test.LocalJson.strings;

/**
 * The local ZITADEL's user service ({@code zitadel.user.v2.UserService}): human and machine
 * users with state, metadata, keys, personal access tokens and secrets, answered as ZITADEL
 * answers them. It checks what ZITADEL checks where that is cheap: required fields, unique user
 * names within an organization, the state a state change needs, and that only machine users
 * have credentials. The fields and their types the request's check against the descriptors
 * has checked before.
 */
final class LocalUserService {

	static final String SERVICE = "zitadel.user.v2.UserService";

	static final String USER_NOT_FOUND = "User could not be found (QUERY-Dfbg2)";

	private final LocalState state;

	private final LocalMetadata metadata = new LocalMetadata("zitadel.user.v2.Metadata");

	LocalUserService(LocalState state) {
		this.state = state;
	}

	void register(ConnectRpcs rpcs) {
		add(rpcs, "CreateUser", "user.write", this::createUser);
		add(rpcs, "GetUserByID", "user.read", this::getUserById);
		add(rpcs, "ListUsers", "user.read", this::listUsers);
		add(rpcs, "UpdateUser", "user.write", this::updateUser);
		add(rpcs, "DeactivateUser", "user.write", (request, context) -> changeState(request, context,
				"DeactivateUserRequest", this::deactivate));
		add(rpcs, "ReactivateUser", "user.write", (request, context) -> changeState(request, context,
				"ReactivateUserRequest", (user) -> requireState(user, "USER_STATE_ACTIVE",
						"User is not deactivated (COMMAND-6M0sf)", "USER_STATE_INACTIVE")));
		add(rpcs, "LockUser", "user.write", (request, context) -> changeState(request, context, "LockUserRequest",
				(user) -> requireState(user, "USER_STATE_LOCKED",
						"User is neither active nor initial (COMMAND-3NN8v)", "USER_STATE_ACTIVE",
						"USER_STATE_INITIAL")));
		add(rpcs, "UnlockUser", "user.write", (request, context) -> changeState(request, context, "UnlockUserRequest",
				(user) -> requireState(user, "USER_STATE_ACTIVE", "User is not locked (COMMAND-4M0ds)",
						"USER_STATE_LOCKED")));
		add(rpcs, "DeleteUser", "user.delete", this::deleteUser);
		add(rpcs, "SetUserMetadata", "user.write", this::setMetadata);
		add(rpcs, "ListUserMetadata", "user.read", this::listMetadata);
		add(rpcs, "DeleteUserMetadata", "user.write", this::deleteMetadata);
		add(rpcs, "AddKey", "user.write", this::addKey);
		add(rpcs, "RemoveKey", "user.write", (request, context) -> removeCredential(request, context, "RemoveKeyRequest",
				"keyId", (user) -> user.keys, "Key not found (COMMAND-4m77G)"));
		add(rpcs, "ListKeys", "user.read", (request, context) -> listCredentials(request, "ListKeysRequest",
				"KeysSearchFilter", "keyIdFilter", (user) -> user.keys));
		add(rpcs, "AddPersonalAccessToken", "user.write", this::addPersonalAccessToken);
		add(rpcs, "RemovePersonalAccessToken", "user.write",
				(request, context) -> removeCredential(request, context, "RemovePersonalAccessTokenRequest", "tokenId",
						(user) -> user.personalAccessTokens, "Personal Access Token not found (COMMAND-4m77G)"));
		add(rpcs, "ListPersonalAccessTokens", "user.read",
				(request, context) -> listCredentials(request, "ListPersonalAccessTokensRequest",
						"PersonalAccessTokensSearchFilter", "tokenIdFilter",
						(user) -> user.personalAccessTokens));
		add(rpcs, "AddSecret", "user.write", this::addSecret);
		add(rpcs, "RemoveSecret", "user.write", this::removeSecret);
	}

	// Every RPC reads and changes the shared state under its lock.
	private void add(ConnectRpcs rpcs, String method, String permission, ConnectRpcs.Handler handler) {
		rpcs.add(SERVICE, method, permission, (request, context) -> {
			synchronized (this.state) {
				return handler.handle(request, context);
			}
		});
	}

	// ---------------------------------------------------------------------------------
	// Create, get, list, update

	/** {@code CreateUser}; also how the organization service creates an organization's human admins. */
	Map<String, Object> createUser(Map<String, Object> request, RpcContext context) {
		String organizationId = require(request, "CreateUserRequest", "organizationId");
		if (!this.state.organizationExists(organizationId)) {
			throw ConnectError.notFound("Organisation not found (COMMAND-3M9ds)");
		}
		Map<String, Object> human = object(request, "human");
		Map<String, Object> machine = object(request, "machine");
		if ((human == null) == (machine == null)) {
			throw ConnectError.invalidArgument("invalid CreateUserRequest.UserType: value is required");
		}
		String userId = string(request, "userId");
		if (userId != null && this.state.user(userId) != null) {
			throw ConnectError.alreadyExists("User already exists (COMMAND-k2unb)");
		}
		String id = (userId != null) ? userId : context.newId();
		List<Map<String, Object>> metadata = new ArrayList<>(objects(request, "metadata"));
		LocalUser user;
		String emailCode = null;
		String phoneCode = null;
		if (human != null) {
			Map<String, Object> email = requireMessage(human, "CreateUserRequest.Human", "email");
			String address = emailAddress(email);
			String username = string(request, "username", address);
			user = new LocalUser(id, organizationId, requireUniqueName(organizationId, username, null), true,
					context.now());
			setProfile(user, requireMessage(human, "CreateUserRequest.Human", "profile"), true);
			emailCode = setEmail(user, email);
			Map<String, Object> phone = object(human, "phone");
			phoneCode = (phone != null) ? setPhone(user, phone) : null;
			setInitialPassword(user, human, context.now());
			for (Map<String, Object> link : objects(human, "idpLinks")) {
				require(link, "IDPLink", "idpId");
			}
			// Deprecated, but a client may still send it.
			metadata.addAll(objects(human, "metadata"));
		}
		else {
			String username = string(request, "username", id);
			user = new LocalUser(id, organizationId, requireUniqueName(organizationId, username, null), false,
					context.now());
			user.name = require(machine, "CreateUserRequest.Machine", "name");
			user.description = string(machine, "description");
			user.accessTokenType = enumValue(machine, "accessTokenType");
		}
		this.metadata.set(user.metadata, metadata, context.now());
		this.state.addUser(user);
		return message("id", user.id, "creationDate", user.creationDate, "emailCode", emailCode, "phoneCode",
				phoneCode);
	}

	private Map<String, Object> getUserById(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireUser(require(request, "GetUserByIDRequest", "userId"), USER_NOT_FOUND);
		return message("details", details(user), "user", render(user));
	}

	private Map<String, Object> listUsers(Map<String, Object> request, RpcContext context) {
		LocalJson.Page page = LocalJson.Page.of(object(request, "query"), "zitadel.object.v2.ListQuery");
		String sortingColumn = enumValue(request, "sortingColumn");
		Predicate<LocalUser> matches = (user) -> true;
		for (Map<String, Object> query : objects(request, "queries")) {
			matches = matches.and(query(query));
		}
		List<LocalUser> users = this.state.users().values().stream().filter(matches).toList();
		return message("details", message("totalResult", (long) users.size(), "timestamp", context.now()),
				"sortingColumn", sortingColumn, "result", page.render(users, sorting(sortingColumn), this::render));
	}

	private Map<String, Object> updateUser(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireUser(require(request, "UpdateUserRequest", "userId"), userNotFound());
		Map<String, Object> human = object(request, "human");
		Map<String, Object> machine = object(request, "machine");
		if (human != null && machine != null) {
			throw ConnectError.invalidArgument("invalid UpdateUserRequest: only one of human and machine may be set");
		}
		String username = string(request, "username");
		if (username != null) {
			user.username = requireUniqueName(user.organizationId, username, user.id);
		}
		String emailCode = null;
		String phoneCode = null;
		if (human != null) {
			if (!user.human) {
				throw ConnectError.failedPrecondition("User is not a human user (COMMAND-ZbX4cL)");
			}
			Map<String, Object> profile = object(human, "profile");
			if (profile != null) {
				setProfile(user, profile, false);
			}
			Map<String, Object> email = object(human, "email");
			emailCode = (email != null) ? setEmail(user, email) : null;
			Map<String, Object> phone = object(human, "phone");
			phoneCode = (phone != null) ? setPhone(user, phone) : null;
			Map<String, Object> password = object(human, "password");
			if (password != null) {
				setInitialPassword(user, password, context.now());
			}
		}
		if (machine != null) {
			if (user.human) {
				throw ConnectError.failedPrecondition("User is not a machine user (COMMAND-ZbX4cL)");
			}
			if (string(machine, "name") != null) {
				user.name = string(machine, "name");
			}
			if (string(machine, "description") != null) {
				user.description = string(machine, "description");
			}
			if (machine.containsKey("accessTokenType")) {
				user.accessTokenType = enumValue(machine, "accessTokenType");
			}
		}
		this.metadata.set(user.metadata, objects(request, "metadata"), context.now());
		user.changed(context.now());
		this.state.userChanged(user);
		return message("changeDate", user.changeDate, "emailCode", emailCode, "phoneCode", phoneCode);
	}

	// ---------------------------------------------------------------------------------
	// State

	private Map<String, Object> changeState(Map<String, Object> request, RpcContext context, String messageName,
			Consumer<LocalUser> change) {
		LocalUser user = requireUser(require(request, messageName, "userId"), userNotFound());
		change.accept(user);
		user.changed(context.now());
		return message("details", details(user));
	}

	private void deactivate(LocalUser user) {
		if ("USER_STATE_INITIAL".equals(user.state)) {
			throw ConnectError.failedPrecondition("Cannot deactivate a user in state initial (COMMAND-ke0fw)");
		}
		requireState(user, "USER_STATE_INACTIVE", "User is already deactivated (COMMAND-5M0sf)", "USER_STATE_ACTIVE",
				"USER_STATE_LOCKED");
	}

	/** Moves the user to a state if it is in one of the given ones, else fails as ZITADEL does. */
	private static void requireState(LocalUser user, String next, String refusal, String... from) {
		if (!List.of(from).contains(user.state)) {
			throw ConnectError.failedPrecondition(refusal);
		}
		user.state = next;
	}

	private Map<String, Object> deleteUser(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireUser(require(request, "DeleteUserRequest", "userId"), userNotFound());
		this.state.removeUser(user.id);
		user.changed(context.now());
		return message("details", details(user));
	}

	// ---------------------------------------------------------------------------------
	// Metadata

	private Map<String, Object> setMetadata(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireUser(require(request, "SetUserMetadataRequest", "userId"), userNotFound());
		this.metadata.set(user.metadata, objects(request, "metadata"), context.now());
		user.changed(context.now());
		return message("setDate", context.now());
	}

	private Map<String, Object> listMetadata(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireUser(require(request, "ListUserMetadataRequest", "userId"), USER_NOT_FOUND);
		return this.metadata.list(user.metadata, request);
	}

	private Map<String, Object> deleteMetadata(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireUser(require(request, "DeleteUserMetadataRequest", "userId"), userNotFound());
		this.metadata.delete(user.metadata, strings(request, "keys"));
		user.changed(context.now());
		return message("deletionDate", context.now());
	}

	// ---------------------------------------------------------------------------------
	// Keys, personal access tokens, secrets

	private Map<String, Object> addKey(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireMachine(require(request, "AddKeyRequest", "userId"));
		Instant expiration = requireFuture(request, "AddKeyRequest", context.now());
		byte[] publicKey = bytes(request, "publicKey");
		String keyId = context.newId();
		user.keys.put(keyId, new LocalUser.Credential(keyId, context.now(), expiration));
		user.changed(context.now());
		byte[] keyContent = null;
		if (publicKey == null) {
			// ZITADEL generates the pair and hands out the key file once, as the console does.
			KeyPair pair = RsaKeys.generate();
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("type", "serviceaccount");
			file.put("keyId", keyId);
			file.put("key", RsaKeys.pkcs1Pem((RSAPrivateCrtKey) pair.getPrivate()));
			file.put("expirationDate", LocalJson.timestamp(expiration));
			file.put("userId", user.id);
			keyContent = JSONObjectUtils.toJSONString(file).getBytes(StandardCharsets.UTF_8);
		}
		return message("creationDate", context.now(), "keyId", keyId, "keyContent",
				(keyContent != null) ? LocalJson.base64(keyContent) : null);
	}

	private Map<String, Object> addPersonalAccessToken(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireMachine(require(request, "AddPersonalAccessTokenRequest", "userId"));
		Instant expiration = requireFuture(request, "AddPersonalAccessTokenRequest", context.now());
		String tokenId = context.newId();
		user.personalAccessTokens.put(tokenId, new LocalUser.Credential(tokenId, context.now(), expiration));
		user.changed(context.now());
		return message("creationDate", context.now(), "tokenId", tokenId, "token", random(64));
	}

	private Map<String, Object> removeCredential(Map<String, Object> request, RpcContext context, String messageName,
			String idField, Function<LocalUser, Map<String, LocalUser.Credential>> credentials,
			String notFound) {
		LocalUser user = requireUser(require(request, messageName, "userId"), userNotFound());
		if (credentials.apply(user).remove(require(request, messageName, idField)) == null) {
			throw ConnectError.notFound(notFound);
		}
		user.changed(context.now());
		return message("deletionDate", context.now());
	}

	private Map<String, Object> listCredentials(Map<String, Object> request, String messageName, String filterName,
			String idFilter,
			Function<LocalUser, Map<String, LocalUser.Credential>> credentials) {
		LocalJson.Page page = LocalJson.Page.of(object(request, "pagination"), "zitadel.filter.v2.PaginationRequest");
		String sortingColumn = enumValue(request, "sortingColumn");
		List<Owned> all = new ArrayList<>();
		for (LocalUser user : this.state.users().values()) {
			credentials.apply(user).values().forEach((credential) -> all.add(new Owned(user, credential)));
		}
		Predicate<Owned> matches = (owned) -> true;
		for (Map<String, Object> filter : objects(request, "filters")) {
			matches = matches.and(credentialFilter(filter, filterName, idFilter));
		}
		List<Owned> found = all.stream().filter(matches).toList();
		Comparator<Owned> sorting = switch ((sortingColumn != null) ? sortingColumn.replaceFirst(".*_FIELD_NAME_", "")
				: "CREATED_DATE") {
			case "ID" -> Comparator.comparing((owned) -> owned.credential().id());
			case "USER_ID" -> Comparator.comparing((owned) -> owned.user().id);
			case "ORGANIZATION_ID" -> Comparator.comparing((owned) -> owned.user().organizationId);
			case "KEY_EXPIRATION_DATE", "EXPIRATION_DATE" ->
				Comparator.comparing((owned) -> owned.credential().expirationDate());
			default -> Comparator.comparing((owned) -> owned.credential().creationDate());
		};
		return message("pagination", page.paginationResponse(found.size()), "result",
				page.render(found, sorting,
						(owned) -> message("creationDate", owned.credential().creationDate(), "changeDate",
								owned.credential().creationDate(), "id", owned.credential().id(), "userId",
								owned.user().id, "organizationId", owned.user().organizationId, "expirationDate",
								owned.credential().expirationDate())));
	}

	private record Owned(LocalUser user, LocalUser.Credential credential) {
	}

	private Predicate<Owned> credentialFilter(Map<String, Object> filter, String filterName, String idFilter) {
		if (filter.size() != 1) {
			throw ConnectError.invalidArgument("invalid " + filterName + ".Filter: value is required");
		}
		String field = filter.keySet().iterator().next();
		Map<String, Object> value = LocalJson.object(filter, field);
		if (value == null) {
			throw ConnectError.invalidArgument("invalid " + filterName + "." + field + ": value is required");
		}
		if (field.endsWith("DateFilter")) {
			Instant timestamp = instant(value, "timestamp");
			String method = enumValue(value, "method");
			boolean created = field.equals("createdDateFilter");
			return (owned) -> compare(created ? owned.credential().creationDate() : owned.credential().expirationDate(),
					(timestamp != null) ? timestamp : Instant.EPOCH, method);
		}
		String id = string(value, "id", "");
		if (field.equals("userIdFilter")) {
			return (owned) -> owned.user().id.equals(id);
		}
		if (field.equals("organizationIdFilter")) {
			return (owned) -> owned.user().organizationId.equals(id);
		}
		return (owned) -> owned.credential().id().equals(id);
	}

	private static boolean compare(Instant actual, Instant expected, @Nullable String method) {
		int comparison = actual.compareTo(expected);
		return switch ((method != null) ? method : "TIMESTAMP_FILTER_METHOD_EQUALS") {
			case "TIMESTAMP_FILTER_METHOD_AFTER" -> comparison > 0;
			case "TIMESTAMP_FILTER_METHOD_AFTER_OR_EQUALS" -> comparison >= 0;
			case "TIMESTAMP_FILTER_METHOD_BEFORE" -> comparison < 0;
			case "TIMESTAMP_FILTER_METHOD_BEFORE_OR_EQUALS" -> comparison <= 0;
			default -> comparison == 0;
		};
	}

	private Map<String, Object> addSecret(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireMachine(require(request, "AddSecretRequest", "userId"));
		user.secret = random(64);
		user.changed(context.now());
		return message("creationDate", context.now(), "clientSecret", user.secret);
	}

	private Map<String, Object> removeSecret(Map<String, Object> request, RpcContext context) {
		LocalUser user = requireMachine(require(request, "RemoveSecretRequest", "userId"));
		if (user.secret == null) {
			throw ConnectError.notFound("Secret not found (COMMAND-x8910n)");
		}
		user.secret = null;
		user.changed(context.now());
		return message("deletionDate", context.now());
	}

	// ---------------------------------------------------------------------------------
	// Reading the request

	private static Map<String, Object> requireMessage(Map<String, Object> message, String messageName, String field) {
		Map<String, Object> value = object(message, field);
		if (value == null) {
			throw ConnectError.invalidArgument("invalid " + messageName + "." + Character.toUpperCase(field.charAt(0))
					+ field.substring(1) + ": value is required");
		}
		return value;
	}

	private LocalUser requireUser(String userId, String notFound) {
		LocalUser user = this.state.user(userId);
		if (user == null) {
			throw ConnectError.notFound(notFound);
		}
		return user;
	}

	private LocalUser requireMachine(String userId) {
		LocalUser user = requireUser(userId, userNotFound());
		if (user.human) {
			throw ConnectError.failedPrecondition("User is not a machine user (COMMAND-x0r1Hs)");
		}
		return user;
	}

	// What ZITADEL's commands answer for a missing user, unlike its queries.
	private static String userNotFound() {
		return "User could not be found (COMMAND-ke0fw)";
	}

	private static Instant requireFuture(Map<String, Object> request, String messageName, Instant now) {
		Instant expiration = instant(request, "expirationDate");
		if (expiration == null) {
			throw ConnectError.invalidArgument("invalid " + messageName + ".ExpirationDate: value is required");
		}
		if (!expiration.isAfter(now)) {
			throw ConnectError.invalidArgument("Expiration date must be in the future (DOMAIN-dv3t5)");
		}
		return expiration;
	}

	/** A user name unique within the organization, as ZITADEL's default policy demands. */
	private String requireUniqueName(String organizationId, String username, @Nullable String userId) {
		boolean taken = this.state.users()
			.values()
			.stream()
			.anyMatch((other) -> other.organizationId.equals(organizationId) && !other.id.equals(userId)
					&& other.username.equalsIgnoreCase(username));
		if (taken) {
			throw ConnectError.alreadyExists("User already exists (SQL-M0dsf)");
		}
		return username;
	}

	private static void setProfile(LocalUser user, Map<String, Object> profile, boolean create) {
		String messageName = create ? "SetHumanProfile" : "UpdateUserRequest.Human.Profile";
		if (create) {
			user.givenName = require(profile, messageName, "givenName");
			user.familyName = require(profile, messageName, "familyName");
		}
		else {
			user.givenName = orElse(string(profile, "givenName"), user.givenName);
			user.familyName = orElse(string(profile, "familyName"), user.familyName);
		}
		user.nickName = orElse(string(profile, "nickName"), user.nickName);
		user.displayName = orElse(string(profile, "displayName"), user.displayName);
		user.preferredLanguage = orElse(string(profile, "preferredLanguage"), user.preferredLanguage);
		if (profile.containsKey("gender")) {
			user.gender = enumValue(profile, "gender");
		}
	}

	private static @Nullable String orElse(@Nullable String value, @Nullable String otherwise) {
		return (value != null) ? value : otherwise;
	}

	private static String emailAddress(Map<String, Object> email) {
		String address = require(email, "SetHumanEmail", "email");
		if (!address.matches("[^@\\s]+@[^@\\s]+")) {
			throw ConnectError.invalidArgument("invalid SetHumanEmail.Email: value must be a valid email address");
		}
		return address;
	}

	/** Sets the email; the verification code, if it is to be returned. */
	private static @Nullable String setEmail(LocalUser user, Map<String, Object> email) {
		user.email = emailAddress(email);
		verification(email, "SetHumanEmail", "urlTemplate");
		user.emailVerified = bool(email, "isVerified");
		return (object(email, "returnCode") != null) ? random(6) : null;
	}

	/** Sets the phone, or removes it if empty; the verification code, if it is to be returned. */
	private static @Nullable String setPhone(LocalUser user, Map<String, Object> phone) {
		verification(phone, "SetHumanPhone");
		String number = string(phone, "phone");
		user.phone = (number == null || number.isEmpty()) ? null : number;
		user.phoneVerified = user.phone != null && bool(phone, "isVerified");
		return (user.phone != null && object(phone, "returnCode") != null) ? random(6) : null;
	}

	// The verification oneof: at most one of sendCode, returnCode and isVerified.
	private static void verification(Map<String, Object> message, String messageName, String... sendCodeFields) {
		int set = 0;
		for (String field : List.of("sendCode", "returnCode", "isVerified")) {
			if (message.containsKey(field)) {
				set++;
			}
		}
		if (set > 1) {
			throw ConnectError.invalidArgument("invalid " + messageName + ": only one verification may be set");
		}
		Map<String, Object> sendCode = object(message, "sendCode");
		if (sendCode != null) {
		}
		Map<String, Object> returnCode = object(message, "returnCode");
		if (returnCode != null) {
		}
	}

	// A Password or HashedPassword in CreateUserRequest.Human, AddHumanUserRequest or SetPassword.
	private static void setInitialPassword(LocalUser user, Map<String, Object> message, Instant now) {
		Map<String, Object> password = object(message, "password");
		Map<String, Object> hashed = object(message, "hashedPassword");
		if (password != null && hashed != null) {
			throw ConnectError.invalidArgument("invalid password: only one of password and hashedPassword may be set");
		}
		if (password != null) {
			user.passwordHash = LocalUser.hash(require(password, "Password", "password"));
			user.passwordChangeRequired = bool(password, "changeRequired");
			user.passwordChanged = now;
		}
		if (hashed != null) {
			require(hashed, "HashedPassword", "hash");
			// A hash of ZITADEL's formats is not checked here: the session service cannot verify it.
			user.passwordHash = null;
			user.passwordChangeRequired = bool(hashed, "changeRequired");
			user.passwordChanged = now;
		}
	}

	// ---------------------------------------------------------------------------------
	// Queries

	private Predicate<LocalUser> query(Map<String, Object> query) {
		if (query.size() != 1) {
			throw ConnectError.invalidArgument("invalid SearchQuery.Query: value is required");
		}
		String kind = query.keySet().iterator().next();
		Map<String, Object> value = requireMessage(query, "SearchQuery", kind);
		return switch (kind) {
			case "userNameQuery" -> text(value, "UserNameQuery", "userName", (user) -> user.username);
			case "firstNameQuery" -> text(value, "FirstNameQuery", "firstName", (user) -> user.givenName);
			case "lastNameQuery" -> text(value, "LastNameQuery", "lastName", (user) -> user.familyName);
			case "nickNameQuery" -> text(value, "NickNameQuery", "nickName", (user) -> user.nickName);
			case "displayNameQuery" -> text(value, "DisplayNameQuery", "displayName",
					(user) -> user.human ? user.displayNameOrDefault() : null);
			case "emailQuery" -> text(value, "EmailQuery", "emailAddress", (user) -> user.email);
			case "phoneQuery" -> text(value, "PhoneQuery", "number", (user) -> user.phone);
			case "loginNameQuery" -> text(value, "LoginNameQuery", "loginName", this::loginName);
			case "stateQuery" -> {
				String state = String.valueOf(enumValue(value, "state"));
				yield (user) -> user.state.equals(state);
			}
			case "typeQuery" -> {
				String type = String.valueOf(enumValue(value, "type"));
				yield (user) -> type.equals(user.human ? "TYPE_HUMAN" : "TYPE_MACHINE");
			}
			case "inUserIdsQuery" -> {
				List<String> ids = strings(value, "userIds");
				yield (user) -> ids.contains(user.id);
			}
			case "inUserEmailsQuery" -> {
				List<String> emails = strings(value, "userEmails");
				yield (user) -> emails.contains(user.email);
			}
			case "organizationIdQuery" -> {
				String organizationId = require(value, "OrganizationIdQuery", "organizationId");
				yield (user) -> user.organizationId.equals(organizationId);
			}
			case "orQuery", "andQuery" -> {
				List<Predicate<LocalUser>> parts = objects(value, "queries").stream().map(this::query).toList();
				yield kind.equals("orQuery") ? (user) -> parts.stream().anyMatch((part) -> part.test(user))
						: (user) -> parts.stream().allMatch((part) -> part.test(user));
			}
			case "notQuery" -> {
				yield query(requireMessage(value, "NotQuery", "query")).negate();
			}
			case "metadataKeyFilter" -> {
				Predicate<String> key = LocalMetadata.keyFilter(value);
				yield (user) -> user.metadata.keySet().stream().anyMatch(key);
			}
			default -> {
				Predicate<byte[]> matches = LocalMetadata.valueFilter(value);
				yield (user) -> user.metadata.values().stream().anyMatch((entry) -> matches.test(entry.value()));
			}
		};
	}

	private static Predicate<LocalUser> text(Map<String, Object> query, String messageName, String field,
			Function<LocalUser, @Nullable String> property) {
		String expected = string(query, field, "");
		String method = enumValue(query, "method");
		return (user) -> LocalJson.matches(property.apply(user), expected, method);
	}

	private static @Nullable Comparator<LocalUser> sorting(@Nullable String sortingColumn) {
		if (sortingColumn == null) {
			// No order asked for: the order they were added, as ZITADEL's database tends to give.
			return null;
		}
		Function<LocalUser, String> key = switch (sortingColumn) {
			case "USER_FIELD_NAME_FIRST_NAME" -> (user) -> String.valueOf(user.givenName);
			case "USER_FIELD_NAME_LAST_NAME" -> (user) -> String.valueOf(user.familyName);
			case "USER_FIELD_NAME_NICK_NAME" -> (user) -> String.valueOf(user.nickName);
			case "USER_FIELD_NAME_DISPLAY_NAME" -> (user) -> user.human ? user.displayNameOrDefault() : "";
			case "USER_FIELD_NAME_EMAIL" -> (user) -> String.valueOf(user.email);
			case "USER_FIELD_NAME_STATE" -> (user) -> user.state;
			case "USER_FIELD_NAME_TYPE" -> (user) -> user.human ? "TYPE_HUMAN" : "TYPE_MACHINE";
			case "USER_FIELD_NAME_CREATION_DATE" -> (user) -> user.creationDate.toString();
			default -> (user) -> user.username.toLowerCase(Locale.ROOT);
		};
		return Comparator.comparing(key);
	}

	// ---------------------------------------------------------------------------------
	// Rendering

	/** A {@code zitadel.user.v2.User}. */
	private Map<String, Object> render(LocalUser user) {
		Map<String, Object> type;
		if (user.human) {
			type = message("profile",
					message("givenName", user.givenName, "familyName", user.familyName, "nickName", user.nickName,
							"displayName", user.displayNameOrDefault(), "preferredLanguage", user.preferredLanguage,
							"gender", user.gender),
					"email", message("email", user.email, "isVerified", user.emailVerified), "phone",
					message("phone", user.phone, "isVerified", user.phoneVerified), "passwordChangeRequired",
					user.passwordChangeRequired, "passwordChanged", user.passwordChanged);
		}
		else {
			type = message("name", user.name, "description", user.description, "hasSecret", user.secret != null,
					"accessTokenType", user.accessTokenType);
		}
		String loginName = loginName(user);
		return message("userId", user.id, "details", details(user), "state", user.state, "username",
				user.username, "loginNames", List.of(loginName), "preferredLoginName", loginName,
				user.human ? "human" : "machine", type);
	}

	/** A {@code zitadel.object.v2.Details} of the user. */
	private static Map<String, Object> details(LocalUser user) {
		return message("sequence", user.sequence, "changeDate", user.changeDate, "resourceOwner", user.organizationId,
				"creationDate", user.creationDate);
	}

	private String loginName(LocalUser user) {
		return loginName(this.state, user);
	}

	/** The user's login name: its user name at its organization's primary domain. */
	static String loginName(LocalState state, LocalUser user) {
		return user.username + "@" + LocalOrganizationService.primaryDomain(state, user.organizationId);
	}

	static String random(int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return text.toString();
	}

}
