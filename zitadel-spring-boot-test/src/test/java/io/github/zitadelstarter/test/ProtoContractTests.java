package io.github.zitadelstarter.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtoContractTests {

	private static final String CREATE_USER = "zitadel.user.v2.UserService/CreateUser";

	private static final String LIST_USERS = "zitadel.user.v2.UserService/ListUsers";

	private static final String CREATE_PROJECT = "zitadel.project.v2.ProjectService/CreateProject";

	private static final String LIST_PROJECTS = "zitadel.project.v2.ProjectService/ListProjects";

	private static final String CREATE_AUTHORIZATION = "zitadel.authorization.v2.AuthorizationService/CreateAuthorization";

	@Test
	void conformingRequestPasses() {
		assertThatNoException().isThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_USER, """
				{"organizationId": "123", "username": "minnie",
				 "human": {"profile": {"givenName": "Minnie", "familyName": "Mouse", "gender": "GENDER_FEMALE"},
				           "email": {"email": "minnie@example.com", "isVerified": true}},
				 "metadata": [{"key": "team", "value": "ZGlzbmV5"}]}
				"""));
	}

	@Test
	void conformingResponsePassesWithTimestampsAsInstantsAndDefaultsAsAbsent() {
		assertThatNoException().isThrownBy(() -> ProtoContract.assertResponseConforms(LIST_USERS, """
				{"details": {"totalResult": "1", "processedSequence": "0", "timestamp": "2025-01-02T03:04:05.000+00:00"},
				 "result": [{"userId": "42", "state": "USER_STATE_ACTIVE", "username": "minnie", "loginNames": []}]}
				"""));
	}

	@Test
	void everyServiceOfThePlanIsKnown() {
		assertThatNoException().isThrownBy(() -> {
			ProtoContract.assertRequestConforms("zitadel.user.v2.UserService/ListUsers", "{}");
			ProtoContract.assertRequestConforms("zitadel.org.v2.OrganizationService/ListOrganizations", "{}");
			ProtoContract.assertRequestConforms("zitadel.project.v2.ProjectService/ListProjects", "{}");
			ProtoContract.assertRequestConforms("zitadel.authorization.v2.AuthorizationService/ListAuthorizations",
					"{}");
		});
		assertThat(ProtoContract.rpcs().keySet().stream().map((rpc) -> rpc.substring(0, rpc.indexOf('/'))))
			.contains("zitadel.user.v2.UserService", "zitadel.org.v2.OrganizationService",
					"zitadel.project.v2.ProjectService", "zitadel.authorization.v2.AuthorizationService",
					"zitadel.session.v2.SessionService", "zitadel.settings.v2.SettingsService");
	}

	@Test
	void fieldsOfTheSameApiVersionAreKnown() {
		// Details.creation_date and SearchQuery.phone_query came after the protos once vendored here.
		assertThatNoException().isThrownBy(() -> {
			ProtoContract.assertResponseConforms("zitadel.user.v2.UserService/DeleteUser", """
					{"details": {"sequence": "7", "changeDate": "2025-01-02T03:04:05Z", "resourceOwner": "123",
					             "creationDate": "2025-01-01T00:00:00Z"}}
					""");
			ProtoContract.assertRequestConforms(LIST_USERS, """
					{"queries": [{"phoneQuery": {"number": "+41791234567", "method": "TEXT_QUERY_METHOD_EQUALS"}}]}
					""");
		});
	}

	@Test
	void conformingProjectRequestsAndResponsesPass() {
		assertThatNoException().isThrownBy(() -> {
			ProtoContract.assertRequestConforms(CREATE_PROJECT, """
					{"organizationId": "123", "name": "Clubhouse", "projectRoleAssertion": true,
					 "authorizationRequired": true, "privateLabelingSetting": "PRIVATE_LABELING_SETTING_UNSPECIFIED"}
					""");
			ProtoContract.assertResponseConforms(CREATE_PROJECT, """
					{"projectId": "456", "creationDate": "2025-01-02T03:04:05Z"}
					""");
			ProtoContract.assertRequestConforms(LIST_PROJECTS, """
					{"pagination": {"offset": "0", "limit": 100, "asc": true},
					 "filters": [{"inProjectIdsFilter": {"ids": ["456"]}}]}
					""");
		});
	}

	@Test
	void misspeltProjectFieldFails() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_PROJECT, """
				{"organizationId": "123", "name": "Clubhouse", "projectRoleAsertion": true}
				"""))
			.isInstanceOf(AssertionError.class)
			.hasMessage(CREATE_PROJECT + ": field projectRoleAsertion is not in zitadel.project.v2.CreateProjectRequest");
	}

	@Test
	void conformingAuthorizationRequestAndResponsePass() {
		assertThatNoException().isThrownBy(() -> {
			ProtoContract.assertRequestConforms(CREATE_AUTHORIZATION, """
					{"userId": "42", "projectId": "456", "organizationId": "123", "roleKeys": ["member", "admin"]}
					""");
			ProtoContract.assertResponseConforms(CREATE_AUTHORIZATION, """
					{"id": "789", "creationDate": "2025-01-02T03:04:05Z"}
					""");
		});
	}

	@Test
	void misspeltAuthorizationFieldFails() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_AUTHORIZATION, """
				{"userId": "42", "projectId": "456", "roleKey": ["member"]}
				"""))
			.isInstanceOf(AssertionError.class)
			.hasMessage(CREATE_AUTHORIZATION
					+ ": field roleKey is not in zitadel.authorization.v2.CreateAuthorizationRequest");
	}

	@Test
	void typeThatNoFileDefinesFailsLoudly() {
		// field_behavior.proto may be left out, as it only declares options; a field of its types may not
		FileDescriptorSet set = FileDescriptorSet.newBuilder()
			.addFile(FileDescriptorProto.newBuilder()
				.setName("zitadel/example/v2/example.proto")
				.setPackage("zitadel.example.v2")
				.setSyntax("proto3")
				.addDependency("google/api/field_behavior.proto")
				.addDependency("google/protobuf/timestamp.proto")
				.addMessageType(DescriptorProto.newBuilder()
					.setName("Example")
					.addField(field("created", 1, Type.TYPE_MESSAGE, ".google.protobuf.Timestamp"))
					.addField(field("behavior", 2, Type.TYPE_ENUM, ".google.api.FieldBehavior"))))
			.build();
		assertThatThrownBy(() -> ProtoContract.Descriptors.build(set)).isInstanceOf(IllegalStateException.class)
			.hasMessageEndingWith(":\nzitadel.example.v2.Example.behavior has type google.api.FieldBehavior");
	}

	@Test
	void importThatIsNeitherInTheSetNorAllowedFails() {
		FileDescriptorSet set = FileDescriptorSet.newBuilder()
			.addFile(FileDescriptorProto.newBuilder()
				.setName("zitadel/example/v2/example.proto")
				.setPackage("zitadel.example.v2")
				.addDependency("zitadel/object/v2/object.proto"))
			.build();
		assertThatThrownBy(() -> ProtoContract.Descriptors.build(set)).isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("zitadel/example/v2/example.proto imports zitadel/object/v2/object.proto, "
					+ "which is not in the descriptor set");
	}

	@Test
	void unknownRpcFails() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms("zitadel.user.v2.UserService/CreateUsr", "{}"))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("zitadel.user.v2.UserService/CreateUsr: no such RPC");
	}

	@Test
	void unknownFieldFails() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_USER, """
				{"organizationId": "123", "orgId": "123"}
				"""))
			.isInstanceOf(AssertionError.class)
			.hasMessage(CREATE_USER + ": field orgId is not in zitadel.user.v2.CreateUserRequest");
	}

	@Test
	void misspeltNestedFieldFails() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_USER, """
				{"organizationId": "123", "human": {"profile": {"givenNme": "Minnie", "familyName": "Mouse"}}}
				"""))
			.isInstanceOf(AssertionError.class)
			.hasMessage(CREATE_USER + ": field human.profile.givenNme is not in zitadel.user.v2.SetHumanProfile");
	}

	@Test
	void snakeCaseNameFails() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_USER, """
				{"organization_id": "123"}
				"""))
			.isInstanceOf(AssertionError.class)
			.hasMessage(CREATE_USER + ": field organization_id is written organizationId in proto3 JSON");
	}

	@Test
	void enumValueThatDoesNotExistFails() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_USER, """
				{"human": {"profile": {"givenName": "Minnie", "familyName": "Mouse", "gender": "GENDER_MOUSE"}}}
				"""))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith(CREATE_USER + ": field human.profile.gender is \"GENDER_MOUSE\", "
					+ "which is not a value of zitadel.user.v2.Gender [GENDER_UNSPECIFIED, GENDER_FEMALE");
	}

	@Test
	void enumSentAsNumberFails() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_USER, """
				{"human": {"profile": {"givenName": "Minnie", "familyName": "Mouse", "gender": 1}}}
				"""))
			.isInstanceOf(AssertionError.class)
			.hasMessage(CREATE_USER
					+ ": field human.profile.gender must name its enum value in proto3 JSON (\"GENDER_FEMALE\"), was 1");
	}

	@Test
	void objectWhereAStringBelongsFails() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_USER, """
				{"human": {"profile": {"givenName": {"text": "Minnie"}, "familyName": "Mouse"}}}
				"""))
			.isInstanceOf(AssertionError.class)
			.hasMessage(CREATE_USER + ": field human.profile.givenName must be a JSON string "
					+ "(string in zitadel.user.v2.SetHumanProfile), was an object {\"text\":\"Minnie\"}");
	}

	@Test
	void bothAlternativesOfAOneofFail() {
		assertThatThrownBy(() -> ProtoContract.assertRequestConforms(CREATE_USER, """
				{"human": {"profile": {"givenName": "Minnie", "familyName": "Mouse"}}, "machine": {"name": "robot"}}
				"""))
			.isInstanceOf(AssertionError.class)
			.hasMessage(CREATE_USER + ": fields human and machine are alternatives of oneof user_type "
					+ "in zitadel.user.v2.CreateUserRequest: send one");
	}

	@Test
	void int64AsJsonNumberIsReadInARequestButNotWrittenInAResponse() {
		// ZITADEL's Go protojson reads a 64-bit integer from a JSON number or string alike
		// (encoding/protojson, unmarshalInt), but always writes a string.
		assertThatNoException().isThrownBy(
				() -> ProtoContract.assertRequestConforms(LIST_USERS, "{\"query\": {\"offset\": 100, \"limit\": 10}}"));
		assertThatThrownBy(() -> ProtoContract.assertResponseConforms(LIST_USERS, "{\"details\": {\"totalResult\": 5}}"))
			.isInstanceOf(AssertionError.class)
			.hasMessage(LIST_USERS + " response: field details.totalResult is uint64, "
					+ "which proto3 JSON writes as \"5\", was 5");
	}

	@Test
	void callsAreCheckedWithTheirAnswers() {
		String path = "/" + CREATE_USER;
		ApiCall created = call(path, "{\"organizationId\": \"1\", \"machine\": {\"name\": \"robot\"}}", 200,
				"{\"id\": \"42\", \"creationDate\": \"2025-01-02T03:04:05Z\"}");
		ApiCall duplicate = call(path, "{\"organizationId\": \"1\", \"machine\": {\"name\": \"robot\"}}", 409,
				"{\"code\": \"already_exists\", \"message\": \"Errors.User.AlreadyExists\"}");
		ApiCall token = call("/oauth/v2/token", "grant_type=...", 200, "{\"access_token\": \"t\"}");
		assertThatNoException().isThrownBy(() -> ProtoContract.assertConforms(List.of(created, duplicate, token)));
	}

	@Test
	void connectErrorWithAWrongCodeOrStatusFails() {
		ApiCall call = call("/" + CREATE_USER, "{}", 400,
				"{\"code\": \"not_found\", \"message\": \"User could not be found\", \"reason\": \"x\"}");
		assertThatThrownBy(() -> ProtoContract.assertConforms(List.of(call))).isInstanceOf(AssertionError.class)
			.hasMessageContaining(CREATE_USER + " error answer 400: field reason is not in a Connect error")
			.hasMessageContaining(CREATE_USER + " error answer 400: code not_found is answered with HTTP 404, was 400");
	}

	@Test
	void nonConformingResponseOfACallFails() {
		ApiCall call = call("/" + CREATE_USER, "{}", 200, "{\"userId\": \"42\"}");
		assertThatThrownBy(() -> ProtoContract.assertConforms(List.of(call))).isInstanceOf(AssertionError.class)
			.hasMessageContaining(
					CREATE_USER + " response: field userId is not in zitadel.user.v2.CreateUserResponse");
	}

	private static FieldDescriptorProto.Builder field(String name, int number, Type type, String typeName) {
		return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setTypeName(typeName);
	}

	private static ApiCall call(String path, String body, int status, String responseBody) {
		return new ApiCall("POST", path, "", Map.of(), body, status, responseBody, Instant.now());
	}

}
