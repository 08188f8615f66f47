package io.github.zitadelstarter.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What ZITADEL sends a target of a {@code response} execution, after it handled an API call: the
 * call's method and context, its request and its response. A {@code call} target answers the
 * response to return (the same, or changed), or a {@link ForwardedError}.
 *
 * @param fullMethod the RPC, such as {@code /zitadel.user.v2.UserService/CreateUser}
 * @param instanceId the instance
 * @param orgId the organization the caller acts in
 * @param projectId the project of the caller's token
 * @param userId the caller
 * @param request the request, in proto3's JSON
 * @param response the response, in proto3's JSON
 * @param headers the call's HTTP headers that ZITADEL passes on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseExecutionPayload(String fullMethod, @JsonProperty("instanceID") String instanceId,
		@JsonProperty("orgID") String orgId, @JsonProperty("projectID") String projectId,
		@JsonProperty("userID") String userId, @Nullable JsonNode request, @Nullable JsonNode response,
		Map<String, List<String>> headers) {

	public ResponseExecutionPayload {
		fullMethod = (fullMethod != null) ? fullMethod : "";
		instanceId = (instanceId != null) ? instanceId : "";
		orgId = (orgId != null) ? orgId : "";
		projectId = (projectId != null) ? projectId : "";
		userId = (userId != null) ? userId : "";
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	/**
	 * The request as the generated record of the RPC.
	 * @param <T> the record's type
	 * @param type the record's class
	 * @return the request
	 */
	public <T> T request(Class<T> type) {
		return ExecutionJson.read(this.request, type);
	}

	/**
	 * The response as the generated record of the RPC, such as
	 * {@code io.github.zitadelstarter.api.user.CreateUserResponse}.
	 * @param <T> the record's type
	 * @param type the record's class
	 * @return the response
	 */
	public <T> T response(Class<T> type) {
		return ExecutionJson.read(this.response, type);
	}

	/**
	 * The request as the generated record, when the method is one the typed clients know.
	 * @return the request, or empty for another method
	 */
	public Optional<Object> typedRequest() {
		return ZitadelMethods.types(this.fullMethod).map((types) -> request(types.request()));
	}

	/**
	 * The response as the generated record, when the method is one the typed clients know.
	 * @return the response, or empty for another method
	 */
	public Optional<Object> typedResponse() {
		return ZitadelMethods.types(this.fullMethod).map((types) -> response(types.response()));
	}

}
