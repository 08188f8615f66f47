package io.github.zitadelstarter.test;

import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The RPCs of ZITADEL's v2 services in the Connect protocol's unary JSON form, as the local
 * ZITADEL serves them: {@code POST /zitadel.user.v2.UserService/CreateUser} with the request
 * message as JSON, answered with the response message or a {@link ConnectError}.
 */
final class ConnectRpcs {

	/** A Connect procedure path: {@code /<proto package>.<Service>/<Method>}. */
	private static final Pattern PROCEDURE = Pattern.compile("/zitadel\\.[a-z0-9_.]+\\.[A-Za-z]+Service/[A-Za-z]+");

	/** What ZITADEL answers when the caller lacks the RPC's permission. */
	static final String PERMISSION_DENIED = "No matching permissions found (AUTH-5mWD2)";

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

	private final Set<String> withheldPermissions = ConcurrentHashMap.newKeySet();

	/**
	 * Serves an RPC.
	 * @param service the service's full name, such as {@code zitadel.user.v2.UserService}
	 * @param method the method, such as {@code CreateUser}
	 * @param permission the permission ZITADEL checks for it, such as {@code user.write}
	 * @param handler what answers it
	 */
	void add(String service, String method, String permission, Handler handler) {
		this.rpcs.put(service + "/" + method, new Rpc(permission, handler));
	}

	static boolean isProcedure(String path) {
		return PROCEDURE.matcher(path).matches();
	}

	void withhold(String permission) {
		this.withheldPermissions.add(permission);
	}

	void reset() {
		this.withheldPermissions.clear();
	}

	Answer answer(Request request, RpcContext context) {
		Rpc rpc = this.rpcs.get(request.path().substring(1));
		if (rpc == null || !"POST".equals(request.method())) {
			// The answer of the HTTP mux in front of ZITADEL's Connect handlers.
			return Answer.of(404, "text/plain; charset=utf-8", "404 page not found\n");
		}
		String contentType = request.header("Content-Type");
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			return Answer.of(415, "text/plain; charset=utf-8", "unsupported content type " + contentType);
		}
		try {
			if (this.withheldPermissions.contains(rpc.permission())) {
				throw ConnectError.permissionDenied(PERMISSION_DENIED);
			}
			Map<String, Object> response = rpc.handler().handle(parse(request.body()), context);
			return Answer.json(200, JSONObjectUtils.toJSONString(response));
		}
		catch (ConnectError error) {
			return error.answer();
		}
	}

	private static Map<String, Object> parse(String body) {
		if (body.isBlank()) {
			return Map.of();
		}
		try {
			return JSONObjectUtils.parse(body);
		}
		catch (ParseException ex) {
			throw ConnectError.invalidArgument("invalid request body: " + ex.getMessage());
		}
	}

}
