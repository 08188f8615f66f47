package io.github.zitadelstarter.test;

import java.io.IOException;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.UnknownFieldSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

/**
 * The RPCs of ZITADEL's v2 services in the Connect protocol's unary JSON form, as the local
 * ZITADEL serves them: {@code POST /zitadel.user.v2.UserService/CreateUser} with the request
 * message as JSON, answered with the response message or a {@link ConnectError}.
 * <p>
 * Every RPC of ZITADEL's descriptors is served. Its request is first checked against the RPC's
 * input message ({@link ProtoContract}), so a client's mistake shows as {@code invalid_argument}.
 * Then a test's own answer, if it set one, else the local service that keeps state for the RPC,
 * else {@link DefaultAnswers the response shape} that the descriptors give.
 */
final class ConnectRpcs {

	/** A Connect procedure path: {@code /<proto package>.<Service>/<Method>}. */
	private static final Pattern PROCEDURE = Pattern
		.compile("/zitadel\\.[a-z0-9_.]+\\.[A-Za-z0-9]+Service/[A-Za-z0-9]+");

	/** What ZITADEL answers when the caller lacks the RPC's permission. */
	static final String PERMISSION_DENIED = "No matching permissions found (AUTH-5mWD2)";

	/** ZITADEL's method option ({@code zitadel.protoc_gen_zitadel.v2.options}), which names some RPCs' permission. */
	private static final int ZITADEL_OPTIONS = 50001;

	/** Answers one RPC. */
	@FunctionalInterface
	interface Handler {

		/**
		 * Answers a request.
		 * @param request the request message, parsed from proto3 JSON
		 * @param context the call's context
		 * @return the response message, to be rendered as proto3 JSON
		 * @throws ConnectError to answer with an error
		 */
		Map<String, Object> handle(Map<String, Object> request, RpcContext context);

	}

	private record Rpc(String permission, Handler handler) {
	}

	private final Map<String, Rpc> rpcs = new ConcurrentHashMap<>();

	private final Map<String, Function<ApiCall, Answer>> answers = new ConcurrentHashMap<>();

	private final Set<String> withheldPermissions = ConcurrentHashMap.newKeySet();

	/**
	 * Serves an RPC with state.
	 * @param service the service's full name, such as {@code zitadel.user.v2.UserService}
	 * @param method the method, such as {@code CreateUser}
	 * @param permission the permission ZITADEL checks for it, such as {@code user.write}
	 * @param handler what answers it
	 */
	void add(String service, String method, String permission, Handler handler) {
		String rpc = service + "/" + method;
		if (ProtoContract.method(rpc) == null) {
			throw new IllegalStateException(rpc + " is not an RPC of ZITADEL's descriptors");
		}
		this.rpcs.put(rpc, new Rpc(permission, handler));
	}

	static boolean isProcedure(String path) {
		return PROCEDURE.matcher(path).matches();
	}

	/**
	 * Answers an RPC the test's way from now on, after its request passed the check.
	 * @param rpc the RPC, such as {@code zitadel.session.v2.SessionService/GetSession}
	 * @param responder makes the answer of a call
	 */
	void answer(String rpc, Function<ApiCall, Answer> responder) {
		requireMethod(rpc);
		this.answers.put(rpc, responder);
	}

	/**
	 * Fails unless a successful answer is the RPC's response message as ZITADEL writes it.
	 * @param rpc the RPC
	 * @param answer the answer
	 * @return the problems, none if it is fine or not a successful answer
	 */
	static List<String> problems(String rpc, Answer answer) {
		return (answer.status() == 200) ? ProtoContract.responseProblems(requireMethod(rpc), answer.body()) : List.of();
	}

	static MethodDescriptor requireMethod(String rpc) {
		MethodDescriptor method = ProtoContract.method(rpc);
		if (method == null) {
			throw new IllegalArgumentException("rpc must be one of ZITADEL's RPCs such as "
					+ "'zitadel.session.v2.SessionService/GetSession', was '" + rpc + "'");
		}
		return method;
	}

	void withhold(String permission) {
		this.withheldPermissions.add(permission);
	}

	void reset() {
		this.withheldPermissions.clear();
		this.answers.clear();
	}

	Answer answer(Request request, RpcContext context) {
		String rpcName = request.path().substring(1);
		MethodDescriptor method = ProtoContract.method(rpcName);
		if (method == null || !"POST".equals(request.method())) {
			// The answer of the HTTP mux in front of ZITADEL's Connect handlers.
			return Answer.of(404, "text/plain; charset=utf-8", "404 page not found\n");
		}
		String contentType = request.header("Content-Type");
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			return Answer.of(415, "text/plain; charset=utf-8", "unsupported content type " + contentType);
		}
		List<String> problems = ProtoContract.requestProblems(method, request.body());
		if (!problems.isEmpty()) {
			// connect-go's words for a body its codec cannot read, with the checker's reasons.
			return ConnectError.invalidArgument("unmarshal message: " + String.join("; ", problems)).answer();
		}
		Rpc rpc = this.rpcs.get(rpcName);
		String permission = (rpc != null) ? rpc.permission() : permission(method);
		try {
			if (permission != null && this.withheldPermissions.contains(permission)) {
				throw ConnectError.permissionDenied(PERMISSION_DENIED);
			}
			Function<ApiCall, Answer> responder = this.answers.get(rpcName);
			if (responder != null) {
				return checked(rpcName, responder.apply(LocalZitadel.call(request, 0, "")));
			}
			if (rpc != null) {
				Map<String, Object> response = rpc.handler().handle(parse(request.body()), context);
				return Answer.json(200, JSONObjectUtils.toJSONString(response));
			}
			return Answer.json(200, DefaultAnswers.of(method, context));
		}
		catch (ConnectError error) {
			return error.answer();
		}
	}

	/** A test's answer, unless it is no response message of the RPC: then ZITADEL's internal error, with why. */
	private static Answer checked(String rpc, Answer answer) {
		List<String> problems = problems(rpc, answer);
		if (problems.isEmpty()) {
			return answer;
		}
		return new ConnectError("internal",
				"the answer the test set for " + rpc + " is not its response message: " + String.join("; ", problems))
			.answer();
	}

	/** The permission that ZITADEL's descriptors name for an RPC, if they name one. */
	static @Nullable String permission(MethodDescriptor method) {
		try {
			UnknownFieldSet current = method.getOptions().getUnknownFields();
			// options.auth_option.permission
			for (int number : new int[] { ZITADEL_OPTIONS, 1 }) {
				UnknownFieldSet.Field field = current.getField(number);
				if (field.getLengthDelimitedList().isEmpty()) {
					return null;
				}
				current = UnknownFieldSet.parseFrom(field.getLengthDelimitedList().get(0));
			}
			UnknownFieldSet.Field permission = current.getField(1);
			if (permission.getLengthDelimitedList().isEmpty()) {
				return null;
			}
			String name = permission.getLengthDelimitedList().get(0).toStringUtf8();
			return (name.isEmpty() || name.equals("authenticated")) ? null : name;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Map<String, Object> parse(String body) {
		try {
			return JSONObjectUtils.parse(body);
		}
		catch (ParseException ex) {
			throw ConnectError.invalidArgument("unmarshal message: " + ex.getMessage());
		}
	}

}
