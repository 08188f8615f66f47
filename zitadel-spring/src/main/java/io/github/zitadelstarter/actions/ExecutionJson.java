package io.github.zitadelstarter.actions;

import io.github.zitadelstarter.api.ZitadelApiJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** Reads a request or response of an execution with the typed clients' own proto3 JSON mapper. */
final class ExecutionJson {

	private ExecutionJson() {
	}

	static <T> T read(@Nullable JsonNode node, Class<T> type) {
		T value = ZitadelApiJson.mapper().treeToValue((node != null) ? node : NullNode.getInstance(), type);
		if (value == null) {
			// proto3: an absent message reads as the message with every field at its default
			return ZitadelApiJson.mapper().readValue("{}", type);
		}
		return value;
	}

}
