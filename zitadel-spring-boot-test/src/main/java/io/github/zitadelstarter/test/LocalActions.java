package io.github.zitadelstarter.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

/**
 * ZITADEL's Actions v2 as the local ZITADEL plays them: targets (an application's endpoints,
 * each with the signing key ZITADEL generates for it) created by a test or through the
 * {@code ActionService} ({@code CreateTarget} answers the signing key, {@code SetExecution}
 * binds targets to a condition), and calls to them as ZITADEL makes them: {@code POST} with the
 * JSON payload ZITADEL writes for an event, an API request or a function such as
 * {@code preaccesstoken}, signed in the {@code ZITADEL-Signature} header. A test sees what
 * the application answered.
 */
public final class LocalActions {

	private static final String SERVICE = "zitadel.action.v2.ActionService";

	private final LocalState state;

	private final Directory directory;

	private final Clock clock;

	private final String instanceId = Directory.newId();

	private final String serviceUserId;

	private final List<LocalTarget> targets = new CopyOnWriteArrayList<>();

	private final List<Execution> executions = new CopyOnWriteArrayList<>();

	LocalActions(LocalState state, Directory directory, Clock clock, String serviceUserId) {
		this.state = state;
		this.directory = directory;
		this.clock = clock;
		this.serviceUserId = serviceUserId;
	}

	void register(ConnectRpcs rpcs) {
		rpcs.add(SERVICE, "CreateTarget", "action.target.write", this::createTarget);
		rpcs.add(SERVICE, "DeleteTarget", "action.target.delete", this::deleteTarget);
		rpcs.add(SERVICE, "SetExecution", "action.execution.write", this::setExecution);
	}

	void reset() {
		this.targets.clear();
		this.executions.clear();
	}

	/**
	 * Adds a target, as {@code CreateTarget} does, with a new signing key.
	 * @param name the target's name
	 * @param endpoint the application's URL that the target calls
	 * @return the target
	 */
	public LocalTarget addTarget(String name, String endpoint) {
		LocalTarget target = new LocalTarget(Directory.newId(), name, endpoint, newSigningKey(), this.clock, this);
		this.targets.add(target);
		return target;
	}

	/**
	 * Adds a target with a signing key the test chose, such as the one the application under
	 * test is configured with.
	 * @param name the target's name
	 * @param endpoint the application's URL that the target calls
	 * @param signingKey the target's signing key
	 * @return the target
	 */
	public LocalTarget addTarget(String name, String endpoint, String signingKey) {
		LocalTarget target = new LocalTarget(Directory.newId(), name, endpoint, signingKey, this.clock, this);
		this.targets.add(target);
		return target;
	}

	/**
	 * The target of a name.
	 * @param name the target's name
	 * @return the target, if there is one
	 */
	public Optional<LocalTarget> target(String name) {
		return this.targets.stream().filter((target) -> target.name().equals(name)).findFirst();
	}

	/**
	 * The targets, those added by tests and those created through the {@code ActionService}.
	 * @return the targets
	 */
	public List<LocalTarget> targets() {
		return List.copyOf(this.targets);
	}

	/**
	 * The conditions set with {@code SetExecution}, such as {@code event/user.human.added},
	 * {@code function/preaccesstoken} or {@code request/zitadel.user.v2.UserService/CreateUser},
	 * each with its targets' ids.
	 * @return the executions
	 */
	public Map<String, List<String>> executions() {
		Map<String, List<String>> executions = new LinkedHashMap<>();
		this.executions.forEach((execution) -> executions.put(execution.condition(), execution.targetIds()));
		return executions;
	}

	/**
	 * An event happened: calls the targets of the execution that matches it best (the event,
	 * its group, or all events), as ZITADEL does after storing the event.
	 * @param eventType the event's type, such as {@code user.human.added}
	 * @param aggregateId the aggregate's id, such as the user's
	 * @param eventPayload the event's data
	 * @return the calls made, with the application's answers
	 */
	public List<TargetCall> fireEvent(String eventType, String aggregateId, Map<String, Object> eventPayload) {
		List<TargetCall> calls = new ArrayList<>();
		for (LocalTarget target : targetsOf(eventConditions(eventType))) {
			calls.add(target.sendEvent(eventType, aggregateId, eventPayload));
		}
		return calls;
	}

	/**
	 * ZITADEL runs a function for a user, such as {@code preaccesstoken} or
	 * {@code preuserinfo}: calls the targets of its execution.
	 * @param function the function's name
	 * @param userId the user the token or userinfo is for
	 * @return the calls made, with the application's answers
	 */
	public List<TargetCall> callFunction(String function, String userId) {
		List<TargetCall> calls = new ArrayList<>();
		for (LocalTarget target : targetsOf(List.of("function/" + function))) {
			calls.add(target.callFunction(function, userId));
		}
		return calls;
	}

	private List<String> eventConditions(String eventType) {
		List<String> conditions = new ArrayList<>();
		conditions.add("event/" + eventType);
		String group = eventType;
		while (group.contains(".")) {
			group = group.substring(0, group.lastIndexOf('.'));
			conditions.add("event/" + group + ".*");
			conditions.add("event/" + group);
		}
		conditions.add("event");
		return conditions;
	}

	/** The targets of the best matching condition only, as ZITADEL runs them. */
	private List<LocalTarget> targetsOf(List<String> conditionsBestFirst) {
		for (String condition : conditionsBestFirst) {
			for (Execution execution : this.executions) {
				if (execution.condition().equals(condition)) {
					List<LocalTarget> targets = new ArrayList<>();
					for (String id : execution.targetIds()) {
						this.targets.stream().filter((target) -> target.id().equals(id)).forEach(targets::add);
					}
					return targets;
				}
			}
		}
		return List.of();
	}

	// The payloads as ZITADEL's Go structs write them: names as their json tags, empty values
	// left out ("omitempty").

	String eventPayload(String eventType, String aggregateId, Map<String, Object> eventPayload) {
		String aggregateType = eventType.contains(".") ? eventType.substring(0, eventType.indexOf('.')) : eventType;
		return JSONObjectUtils.toJSONString(go("aggregateID", aggregateId, "aggregateType", aggregateType,
				"resourceOwner", this.directory.organizationId(), "instanceID", this.instanceId, "version", "v2",
				"sequence", 1L, "event_type", eventType, "created_at", this.clock.instant().toString(), "userID",
				this.serviceUserId, "event_payload", eventPayload));
	}

	String requestPayload(String fullMethod, String requestJson) {
		return JSONObjectUtils.toJSONString(go("fullMethod", fullMethod, "instanceID", this.instanceId, "orgID",
				this.directory.organizationId(), "userID", this.serviceUserId, "request", parse(requestJson),
				"headers", Map.of("Content-Type", List.of("application/json"))));
	}

	String functionPayload(String function, String userId) {
		synchronized (this.state) {
			LocalUser user = this.state.users().get(userId);
			if (user == null) {
				throw new IllegalArgumentException("The local ZITADEL has no user '" + userId + "'");
			}
			String loginName = user.username + "@" + this.directory.primaryDomain();
			String organizationName = this.state.organizationName(user.organizationId);
			Map<String, Object> userinfo = go("sub", user.id, "name",
					user.human ? user.displayNameOrDefault() : user.name, "given_name", user.givenName, "family_name",
					user.familyName, "preferred_username", loginName, "email", user.email, "email_verified",
					user.emailVerified);
			Map<String, Object> profile = user.human
					? Map.of("human", go("first_name", user.givenName, "last_name", user.familyName, "nick_name",
							user.nickName, "display_name", user.displayNameOrDefault(), "preferred_language",
							user.preferredLanguage, "email", user.email, "is_email_verified", user.emailVerified,
							"phone", user.phone, "is_phone_verified", user.phoneVerified))
					: Map.of("machine", go("name", user.name, "description", user.description));
			Map<String, Object> queriedUser = go("id", user.id, "creation_date", user.creationDate.toString(),
					"change_date", user.changeDate.toString(), "resource_owner", user.organizationId, "sequence",
					user.sequence, "state", 1L, "type", user.human ? 1L : 2L, "username", user.username, "login_names",
					List.of(loginName), "preferred_login_name", loginName);
			queriedUser.putAll(profile);
			List<Map<String, Object>> metadata = new ArrayList<>();
			user.metadata.forEach((key, entry) -> metadata.add(go("creation_date", entry.creationDate().toString(),
					"change_date", entry.changeDate().toString(), "resource_owner", user.organizationId, "key", key,
					"value", Base64.getEncoder().encodeToString(entry.value()))));
			return JSONObjectUtils.toJSONString(go("function", "function/" + function, "userinfo", userinfo, "user",
					queriedUser, "user_metadata", metadata, "org",
					go("id", user.organizationId, "name", organizationName, "primary_domain",
							this.directory.primaryDomain())));
		}
	}

	private static Map<String, Object> go(@Nullable Object... namesAndValues) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value == null || Boolean.FALSE.equals(value) || "".equals(value)
					|| (value instanceof Number number && number.longValue() == 0)
					|| (value instanceof List<?> list && list.isEmpty()) || (value instanceof Map<?, ?> map && map.isEmpty())) {
				continue;
			}
			json.put((String) namesAndValues[i], value);
		}
		return json;
	}

	private static Map<String, Object> parse(String json) {
		try {
			return JSONObjectUtils.parse(json);
		}
		catch (java.text.ParseException ex) {
			throw new IllegalArgumentException("Not a JSON object: " + ex.getMessage(), ex);
		}
	}

	private String newSigningKey() {
		byte[] random = new byte[24];
		new java.security.SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private Map<String, Object> createTarget(Map<String, Object> request, RpcContext context) {
		String name = LocalJson.require(request, "CreateTargetRequest", "name");
		String endpoint = LocalJson.require(request, "CreateTargetRequest", "endpoint");
		if (!request.containsKey("restWebhook") && !request.containsKey("restCall")
				&& !request.containsKey("restAsync")) {
			throw ConnectError.invalidArgument("invalid CreateTargetRequest.TargetType: value is required");
		}
		if (target(name).isPresent()) {
			throw ConnectError.alreadyExists("Errors.Target.AlreadyExists (COMMAND-Sa4f2)");
		}
		LocalTarget target = new LocalTarget(context.newId(), name, endpoint, newSigningKey(), this.clock, this);
		this.targets.add(target);
		return LocalJson.message("id", target.id(), "creationDate", context.now(), "signingKey", target.signingKey());
	}

	private Map<String, Object> deleteTarget(Map<String, Object> request, RpcContext context) {
		String id = LocalJson.require(request, "DeleteTargetRequest", "id");
		this.targets.removeIf((target) -> target.id().equals(id));
		return LocalJson.message("deletionDate", context.now());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> setExecution(Map<String, Object> request, RpcContext context) {
		Object conditionValue = request.get("condition");
		if (!(conditionValue instanceof Map<?, ?>)) {
			throw ConnectError.invalidArgument("invalid SetExecutionRequest.Condition: value is required");
		}
		String condition = condition((Map<String, Object>) conditionValue);
		List<String> targetIds = new ArrayList<>();
		if (request.get("targets") instanceof List<?> ids) {
			ids.forEach((id) -> targetIds.add(String.valueOf(id)));
		}
		for (String id : targetIds) {
			if (this.targets.stream().noneMatch((target) -> target.id().equals(id))) {
				throw ConnectError.notFound("Errors.Target.NotFound (COMMAND-17t2y)");
			}
		}
		this.executions.removeIf((execution) -> execution.condition().equals(condition));
		if (!targetIds.isEmpty()) {
			this.executions.add(new Execution(condition, List.copyOf(targetIds)));
		}
		return LocalJson.message("setDate", context.now());
	}

	/** The execution's id as ZITADEL forms it from the condition. */
	@SuppressWarnings("unchecked")
	private static String condition(Map<String, Object> condition) {
		for (String type : List.of("request", "response", "event", "function")) {
			if (condition.get(type) instanceof Map<?, ?> value) {
				Map<String, Object> fields = (Map<String, Object>) value;
				if (fields.get("method") instanceof String method) {
					return type + "/" + (method.startsWith("/") ? method.substring(1) : method);
				}
				if (fields.get("service") instanceof String service) {
					return type + "/" + service;
				}
				if (fields.get("event") instanceof String event) {
					return type + "/" + event;
				}
				if (fields.get("group") instanceof String group) {
					return type + "/" + (group.endsWith(".*") ? group : group + ".*");
				}
				if (fields.get("name") instanceof String name) {
					return type + "/" + name.toLowerCase(Locale.ROOT);
				}
				return type;
			}
		}
		throw ConnectError.invalidArgument("invalid SetExecutionRequest.Condition: a condition type is required");
	}

	private record Execution(String condition, List<String> targetIds) {
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
