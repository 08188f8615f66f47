package io.github.zitadelstarter.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What ZITADEL sends a target of a {@code request} execution, before it handles an API call:
 * the call's method and context, and its request. A {@code call} target answers the request to
 * go on with (the same, or changed), or a {@link ForwardedError}.
 *
 * @param fullMethod the RPC, such as {@code /zitadel.user.v2.UserService/CreateUser}
 * @param instanceId the instance
 * @param orgId the organization the caller acts in
 * @param projectId the project of the caller's token
 * @param userId the caller
 * @param request the request, in proto3's JSON
 * @param headers the call's HTTP headers that ZITADEL passes on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestExecutionPayload(String fullMethod, @JsonProperty("instanceID") String instanceId,
		@JsonProperty("orgID") String orgId, @JsonProperty("projectID") String projectId,
		@JsonProperty("userID") String userId, @Nullable JsonNode request, Map<String, List<String>> headers) {

	public RequestExecutionPayload {
		fullMethod = (fullMethod != null) ? fullMethod : "";
		instanceId = (instanceId != null) ? instanceId : "";
		orgId = (orgId != null) ? orgId : "";
		projectId = (projectId != null) ? projectId : "";
		userId = (userId != null) ? userId : "";
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	/**
	 * The request as the generated record of the RPC, such as
	 * {@code io.github.zitadelstarter.api.user.CreateUserRequest}.
	 * @param <T> the record's type
	 * @param type the record's class
	 * @return the request
	 */
	public <T> T request(Class<T> type) {
		return ExecutionJson.read(this.request, type);
	}

	/**
	 * The request as the generated record of the RPC, when the method is one the typed clients
	 * know.
	 * @return the request, or empty for another method
	 */
	public Optional<Object> typedRequest() {
		return ZitadelMethods.types(this.fullMethod).map((types) -> request(types.request()));
	}

}
