package io.github.zitadelstarter.actions;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.zitadelstarter.api.ZitadelApiCatalog;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The generated request and response records of an RPC of ZITADEL's v2 API, by its full method
 * ({@code /zitadel.user.v2.UserService/CreateUser}), as the typed clients declare them.
 */
final class ZitadelMethods {

	private static final Map<String, Optional<Types>> TYPES = new ConcurrentHashMap<>();

	private ZitadelMethods() {
	}

	static Optional<Types> types(String fullMethod) {
		return TYPES.computeIfAbsent(fullMethod, ZitadelMethods::find);
	}

	private static Optional<Types> find(String fullMethod) {
		String[] parts = fullMethod.startsWith("/") ? fullMethod.substring(1).split("/", -1) : new String[0];
		if (parts.length != 2) {
			return Optional.empty();
		}
		for (ZitadelApiCatalog.Service service : ZitadelApiCatalog.SERVICES) {
			if (service.name().equals(parts[0])) {
				return rpc(service.client(), "/" + parts[1]);
			}
		}
		return Optional.empty();
	}

	private static Optional<Types> rpc(Class<?> client, String path) {
		for (Method method : client.getMethods()) {
			HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
			if (exchange != null && path.equals(exchange.value()) && method.getParameterCount() == 1) {
				return Optional.of(new Types(method.getParameterTypes()[0], method.getReturnType()));
			}
		}
		return Optional.empty();
	}

	record Types(Class<?> request, Class<?> response) {
	}

}
