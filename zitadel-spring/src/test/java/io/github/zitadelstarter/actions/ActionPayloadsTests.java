package io.github.zitadelstarter.actions;

import java.time.OffsetDateTime;

import io.github.zitadelstarter.api.user.CreateUserRequest;
import io.github.zitadelstarter.api.user.CreateUserResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payloads as ZITADEL writes them (the JSON names of {@code internal/execution} and
 * {@code internal/api/oidc}), read and written by a plain Jackson mapper such as an
 * application's.
 */
class ActionPayloadsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void requestExecutionWithTheTypedRequest() {
		RequestExecutionPayload payload = this.json.readValue("""
				{"fullMethod":"/zitadel.user.v2.UserService/CreateUser","instanceID":"instance-1","orgID":"org-1",
				 "projectID":"project-1","userID":"caller-1",
				 "request":{"organizationId":"org-1","username":"ada","human":{"profile":{"givenName":"Ada","familyName":"Lovelace"},
				  "email":{"email":"ada@example.com"}}},
				 "headers":{"Content-Type":["application/json"]}}
				""", RequestExecutionPayload.class);
		assertThat(payload.fullMethod()).isEqualTo("/zitadel.user.v2.UserService/CreateUser");
		assertThat(payload.instanceId()).isEqualTo("instance-1");
		assertThat(payload.orgId()).isEqualTo("org-1");
		assertThat(payload.projectId()).isEqualTo("project-1");
		assertThat(payload.userId()).isEqualTo("caller-1");
		assertThat(payload.headers()).containsEntry("Content-Type", java.util.List.of("application/json"));
		CreateUserRequest request = payload.request(CreateUserRequest.class);
		assertThat(request.username()).isEqualTo("ada");
		assertThat(request.human().profile().givenName()).isEqualTo("Ada");
		assertThat(payload.typedRequest()).contains(request);
	}

	@Test
	void responseExecutionWithTheTypedResponse() {
		ResponseExecutionPayload payload = this.json.readValue("""
				{"fullMethod":"/zitadel.user.v2.UserService/CreateUser","instanceID":"instance-1",
				 "request":{"organizationId":"org-1","username":"ada"},
				 "response":{"id":"user-1","creationDate":"2026-01-15T10:00:00Z"}}
				""", ResponseExecutionPayload.class);
		CreateUserResponse response = payload.response(CreateUserResponse.class);
		assertThat(response.id()).isEqualTo("user-1");
		assertThat(payload.typedResponse()).contains(response);
		assertThat(payload.typedRequest()).get().isInstanceOf(CreateUserRequest.class);
	}

	@Test
	void aMethodTheTypedClientsDoNotKnowHasNoTypedRequest() {
		RequestExecutionPayload payload = this.json.readValue("""
				{"fullMethod":"/zitadel.management.v1.ManagementService/AddHumanUser","request":{"userName":"ada"}}
				""", RequestExecutionPayload.class);
		assertThat(payload.typedRequest()).isEmpty();
		assertThat(payload.request().get("userName").asString()).isEqualTo("ada");
	}

	@Test
	void event() {
		EventPayload event = this.json.readValue("""
				{"aggregateID":"user-1","aggregateType":"user","resourceOwner":"org-1","instanceID":"instance-1",
				 "version":"v2","sequence":3,"event_type":"user.human.added","created_at":"2026-01-15T10:00:00.123456789+01:00",
				 "userID":"caller-1","event_payload":{"userName":"ada","firstName":"Ada"}}
				""", EventPayload.class);
		assertThat(event.aggregateId()).isEqualTo("user-1");
		assertThat(event.eventType()).isEqualTo("user.human.added");
		assertThat(event.sequence()).isEqualTo(3);
		assertThat(event.createdAt().toInstant()).isEqualTo(OffsetDateTime.parse("2026-01-15T09:00:00.123456789Z").toInstant());
		assertThat(event.eventPayload().get("userName").asString()).isEqualTo("ada");
	}

	@Test
	void functionPayload() {
		FunctionPayload payload = this.json.readValue("""
				{"function":"function/preaccesstoken","userinfo":{"sub":"user-1","name":"Ada Lovelace"},
				 "user":{"id":"user-1","resource_owner":"org-1","username":"ada","preferred_login_name":"ada@example.com",
				  "login_names":["ada@example.com"],"state":1,"type":1,
				  "human":{"first_name":"Ada","last_name":"Lovelace","display_name":"Ada Lovelace","email":"ada@example.com","is_email_verified":true}},
				 "user_metadata":[{"key":"team","value":"ZW5naW5lcw=="}],
				 "org":{"id":"org-1","name":"Analytical","primary_domain":"analytical.example.com"},
				 "user_grants":[{"projectId":"project-1","roles":["admin"]}]}
				""", FunctionPayload.class);
		assertThat(payload.function()).isEqualTo("function/preaccesstoken");
		assertThat(payload.userinfo()).containsEntry("sub", "user-1");
		assertThat(payload.displayName()).isEqualTo("Ada Lovelace");
		assertThat(payload.user().human().emailVerified()).isTrue();
		assertThat(new String(payload.userMetadata().get(0).value())).isEqualTo("engines");
		assertThat(payload.org().primaryDomain()).isEqualTo("analytical.example.com");
		assertThat(payload.userGrants()).hasSize(1);
	}

	@Test
	void functionAnswerInZitadelsSpelling() {
		FunctionAnswer answer = FunctionAnswer.empty()
			.withClaim("greeting", "Hello Ada")
			.withUserMetadata("last_token", "now")
			.withLogClaim("greeted");
		assertThat(this.json.writeValueAsString(answer)).isEqualTo("{\"set_user_metadata\":[{\"key\":\"last_token\","
				+ "\"value\":\"bm93\"}],\"append_claims\":[{\"key\":\"greeting\",\"value\":\"Hello Ada\"}],"
				+ "\"append_log_claims\":[\"greeted\"]}");
		assertThat(this.json.writeValueAsString(FunctionAnswer.empty().withClaim("k", 1))).isEqualTo(
				"{\"append_claims\":[{\"key\":\"k\",\"value\":1}]}");
	}

	@Test
	void whatGoLeavesOutReadsAsItsZeroValue() {
		// ZITADEL's structs are "omitempty": false, 0 and "" are not written at all
		EventPayload event = this.json.readValue("{\"event_type\":\"user.human.added\"}", EventPayload.class);
		assertThat(event.sequence()).isZero();
		assertThat(event.aggregateId()).isEmpty();
		FunctionPayload payload = this.json.readValue("{\"user\":{\"human\":{\"display_name\":\"Ada\"}}}",
				FunctionPayload.class);
		assertThat(payload.user().human().emailVerified()).isFalse();
		assertThat(payload.userMetadata()).isEmpty();
	}

	@Test
	void forwardedErrorInZitadelsSpelling() {
		assertThat(this.json.writeValueAsString(new ForwardedError(403, "not in this organization")))
			.isEqualTo("{\"forwardedStatusCode\":403,\"forwardedErrorMessage\":\"not in this organization\"}");
	}

}
