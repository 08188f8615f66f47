package io.github.zitadelstarter.test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import static io.github.zitadelstarter.test.LocalJson.enumValue;
import static io.github.zitadelstarter.test.LocalJson.instant;
import static io.github.zitadelstarter.test.LocalJson.message;
import static io.github.zitadelstarter.test.LocalJson.object;
import static io.github.zitadelstarter.test.LocalJson.objects;
import static io.github.zitadelstarter.test.LocalJson.require;
import static io.github.zitadelstarter.test.LocalJson.string;
import static io.github.zitadelstarter.test.LocalJson.strings;

/**
 * The local ZITADEL's session service ({@code zitadel.session.v2.SessionService}), with the state
 * a login UI or a backend relies on: a session is created with an id and a token, checks the
 * user (by id or login name) and the password set for it, keeps its metadata, user agent and
 * lifetime, is listed by ids, user, creator, user agent and dates, updated with a new token and
 * deleted. Other checks and challenges (passkeys, OTP, IdP intents) are not modelled: they are
 * answered {@code unimplemented}, and a test sets their answers with
 * {@link LocalZitadel#answer(String, Answer)}.
 */
final class LocalSessionService {

	static final String SERVICE = "zitadel.session.v2.SessionService";

	static final String SESSION_NOT_FOUND = "Session does not exist (QUERY-SFeaa)";

	private final LocalState state;

	LocalSessionService(LocalState state) {
		this.state = state;
	}

	void register(ConnectRpcs rpcs) {
		add(rpcs, "CreateSession", "session.write", this::createSession);
		add(rpcs, "SetSession", "session.write", this::setSession);
		add(rpcs, "GetSession", "session.read", this::getSession);
		add(rpcs, "ListSessions", "session.read", this::listSessions);
		add(rpcs, "DeleteSession", "session.delete", this::deleteSession);
	}

	// Every RPC reads and changes the shared state under its lock: a check reads the users.
	private void add(ConnectRpcs rpcs, String method, String permission, ConnectRpcs.Handler handler) {
		rpcs.add(SERVICE, method, permission, (request, context) -> {
			synchronized (this.state) {
				return handler.handle(request, context);
			}
		});
	}

	private Map<String, Object> createSession(Map<String, Object> request, RpcContext context) {
		LocalSession session = new LocalSession(context.newId(), context.userId(), LocalUserService.random(64),
				context.now());
		update(session, request, "CreateSession", context.now());
		this.state.sessions().put(session.id, session);
		return message("details", details(session, context), "sessionId", session.id, "sessionToken",
				session.token);
	}

	private Map<String, Object> setSession(Map<String, Object> request, RpcContext context) {
		LocalSession session = requireSession(require(request, "SetSessionRequest", "sessionId"), null);
		update(session, request, "SetSession", context.now());
		session.token = LocalUserService.random(64);
		session.changed(context.now());
		return message("details", details(session, context), "sessionToken", session.token);
	}

	private Map<String, Object> getSession(Map<String, Object> request, RpcContext context) {
		LocalSession session = requireSession(require(request, "GetSessionRequest", "sessionId"),
				string(request, "sessionToken"));
		return message("session", render(session));
	}

	private Map<String, Object> deleteSession(Map<String, Object> request, RpcContext context) {
		LocalSession session = requireSession(require(request, "DeleteSessionRequest", "sessionId"),
				string(request, "sessionToken"));
		this.state.sessions().remove(session.id);
		session.changed(context.now());
		return message("details", details(session, context));
	}

	private Map<String, Object> listSessions(Map<String, Object> request, RpcContext context) {
		LocalJson.Page page = LocalJson.Page.of(object(request, "query"), "zitadel.object.v2.ListQuery");
		Predicate<LocalSession> matches = (session) -> true;
		for (Map<String, Object> query : objects(request, "queries")) {
			matches = matches.and(query(query));
		}
		List<LocalSession> sessions = this.state.sessions().values().stream().filter(matches).toList();
		// Sorted by creation date when asked; else in the order they were created, as ZITADEL's database tends to.
		Comparator<LocalSession> sorting = (enumValue(request, "sortingColumn") != null)
				? Comparator.comparing((LocalSession session) -> session.creationDate) : null;
		return message("details", message("totalResult", (long) sessions.size(), "timestamp", context.now()),
				"sessions", page.render(sessions, sorting, this::render));
	}

	// ---------------------------------------------------------------------------------
	// Checks, metadata, user agent, lifetime

	private void update(LocalSession session, Map<String, Object> request, String method, Instant now) {
		if (object(request, "challenges") != null) {
			throw unimplemented(method, "challenges");
		}
		Map<String, Object> checks = object(request, "checks");
		if (checks != null) {
			check(session, checks, method, now);
		}
		Map<String, Object> metadata = object(request, "metadata");
		if (metadata != null) {
			// An empty value removes a key (SetSessionRequest.metadata).
			metadata.forEach((key, value) -> {
				if ("".equals(value)) {
					session.metadata.remove(key);
				}
				else {
					session.metadata.put(key, value);
				}
			});
		}
		Map<String, Object> userAgent = object(request, "userAgent");
		if (userAgent != null) {
			session.userAgent = userAgent;
		}
		String lifetime = string(request, "lifetime");
		if (lifetime != null) {
			session.expirationDate = now.plus(positive(lifetime, method));
		}
	}

	private void check(LocalSession session, Map<String, Object> checks, String method, Instant now) {
		for (String check : checks.keySet()) {
			if (!check.equals("user") && !check.equals("password")) {
				throw unimplemented(method, "the check " + check);
			}
		}
		Map<String, Object> userCheck = object(checks, "user");
		if (userCheck != null) {
			LocalUser user = findUser(userCheck);
			if (session.userId != null && !session.userId.equals(user.id)) {
				throw ConnectError.invalidArgument("The user of a session cannot change (COMMAND-Df4bw)");
			}
			if (user.state.equals("USER_STATE_INACTIVE")) {
				throw ConnectError.failedPrecondition("User is not active (COMMAND-vgDIu)");
			}
			session.userId = user.id;
			session.userCheckedAt = now;
			session.loginName = LocalUserService.loginName(this.state, user);
			session.displayName = user.human ? user.displayNameOrDefault() : user.name;
			session.organizationId = user.organizationId;
		}
		Map<String, Object> passwordCheck = object(checks, "password");
		if (passwordCheck != null) {
			LocalUser user = (session.userId != null) ? this.state.user(session.userId) : null;
			if (user == null) {
				throw ConnectError.failedPrecondition("User ID missing (COMMAND-Sfw3f)");
			}
			if (user.state.equals("USER_STATE_LOCKED")) {
				throw ConnectError.failedPrecondition("User is locked (COMMAND-JLK35)");
			}
			if (!user.passwordMatches(string(passwordCheck, "password", ""))) {
				throw ConnectError.invalidArgument("Password is invalid (COMMAND-3M0fs)");
			}
			session.passwordCheckedAt = now;
		}
	}

	private LocalUser findUser(Map<String, Object> userCheck) {
		String userId = string(userCheck, "userId");
		String loginName = string(userCheck, "loginName");
		LocalUser user = null;
		if (userId != null) {
			user = this.state.user(userId);
		}
		else if (loginName != null) {
			// The login name, or the user name alone, as an instance that does not demand the domain takes it.
			user = this.state.users()
				.values()
				.stream()
				.filter((candidate) -> loginName.equalsIgnoreCase(LocalUserService.loginName(this.state, candidate))
						|| loginName.equalsIgnoreCase(candidate.username))
				.findFirst()
				.orElse(null);
		}
		else {
			throw ConnectError.invalidArgument("invalid CheckUser.Search: value is required");
		}
		if (user == null) {
			throw ConnectError.notFound(LocalUserService.USER_NOT_FOUND);
		}
		return user;
	}

	/** A {@code google.protobuf.Duration} in proto3 JSON ({@code "3600s"}, {@code "1.5s"}), greater than zero. */
	private static Duration positive(String lifetime, String method) {
		BigDecimal seconds = new BigDecimal(lifetime.substring(0, lifetime.length() - 1));
		if (seconds.signum() <= 0) {
			throw ConnectError.invalidArgument("invalid " + method + "Request.Lifetime: value must be greater than 0s");
		}
		return Duration.ofSeconds(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
	}

	private static ConnectError unimplemented(String method, String what) {
		return new ConnectError("unimplemented", "The local ZITADEL does not model " + what + " of " + method
				+ "; set the answer of " + SERVICE + "/" + method + " with LocalZitadel#answer");
	}

	// ---------------------------------------------------------------------------------
	// Queries

	private Predicate<LocalSession> query(Map<String, Object> query) {
		if (query.size() != 1) {
			throw ConnectError.invalidArgument("invalid SearchQuery.Query: value is required");
		}
		String kind = query.keySet().iterator().next();
		Map<String, Object> value = Objects.requireNonNull(object(query, kind));
		return switch (kind) {
			case "idsQuery" -> {
				List<String> ids = strings(value, "ids");
				yield (session) -> ids.contains(session.id);
			}
			case "userIdQuery" -> {
				String id = string(value, "id", "");
				yield (session) -> id.equals(session.userId);
			}
			case "creatorQuery" -> {
				String id = string(value, "id");
				yield (session) -> id == null || id.equals(session.creatorId);
			}
			case "userAgentQuery" -> {
				String fingerprint = string(value, "fingerprintId");
				yield (session) -> fingerprint == null
						|| (session.userAgent != null && fingerprint.equals(session.userAgent.get("fingerprintId")));
			}
			case "creationDateQuery" -> date(value, "creationDate", (session) -> session.creationDate);
			default -> date(value, "expirationDate", (session) -> session.expirationDate);
		};
	}

	/** A date query of {@code zitadel.v1.TimestampQueryMethod}, equals by default. */
	private static Predicate<LocalSession> date(Map<String, Object> query, String field,
			Function<LocalSession, @Nullable Instant> date) {
		Instant expected = instant(query, field);
		String method = string(query, "method", "TIMESTAMP_QUERY_METHOD_EQUALS");
		return (session) -> {
			Instant actual = date.apply(session);
			if (actual == null || expected == null) {
				return false;
			}
			int comparison = actual.compareTo(expected);
			return switch (method.replace("TIMESTAMP_QUERY_METHOD_", "").toUpperCase(Locale.ROOT)) {
				case "GREATER" -> comparison > 0;
				case "GREATER_OR_EQUALS" -> comparison >= 0;
				case "LESS" -> comparison < 0;
				case "LESS_OR_EQUALS" -> comparison <= 0;
				default -> comparison == 0;
			};
		};
	}

	// ---------------------------------------------------------------------------------
	// Reading and rendering

	private LocalSession requireSession(String sessionId, @Nullable String token) {
		LocalSession session = this.state.sessions().get(sessionId);
		if (session == null) {
			throw ConnectError.notFound(SESSION_NOT_FOUND);
		}
		// The service user created its sessions, so it needs no token; a wrong one is refused all the same.
		if (token != null && !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				session.token.getBytes(StandardCharsets.UTF_8))) {
			throw ConnectError.permissionDenied("Session token is invalid (QUERY-dsfr3)");
		}
		return session;
	}

	/** A {@code zitadel.session.v2.Session}. */
	private Map<String, Object> render(LocalSession session) {
		Map<String, Object> factors = message("user",
				(session.userId != null) ? message("verifiedAt", session.userCheckedAt, "id", session.userId, "loginName",
						session.loginName, "displayName", session.displayName, "organizationId", session.organizationId)
						: null,
				"password", (session.passwordCheckedAt != null) ? message("verifiedAt", session.passwordCheckedAt) : null);
		return message("id", session.id, "creationDate", session.creationDate, "changeDate", session.changeDate,
				"sequence", session.sequence, "factors", factors.isEmpty() ? null : factors, "metadata",
				session.metadata.isEmpty() ? null : session.metadata, "userAgent", session.userAgent, "expirationDate",
				session.expirationDate);
	}

	/** A {@code zitadel.object.v2.Details} of the session. */
	private static Map<String, Object> details(LocalSession session, RpcContext context) {
		return message("sequence", session.sequence, "changeDate", session.changeDate, "resourceOwner",
				context.organizationId(), "creationDate", session.creationDate);
	}

}
