package io.github.zitadelstarter.api.user;

import java.time.Instant;
import java.util.List;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiJson;
import io.github.zitadelstarter.api.object.TextQueryMethod;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of the user service's trickier messages as the typed clients write and read it
 * with {@link ZitadelApiJson#mapper()}: proto3's JSON mapping, field by field.
 */
class UserJsonTests {

	private static final String CREATE_USER = "zitadel.user.v2.UserService/CreateUser";

	private final JsonMapper mapper = ZitadelApiJson.mapper();

	@Test
	void aHumanUserIsTheOneAlternativeOfItsOneofAndLeavesOutWhatIsAbsent() {
		CreateUserRequest request = CreateUserRequest
			.human("69629026806489455",
					CreateUserRequestHuman
						.of(SetHumanProfile.of("Minnie", "Mouse"), SetHumanEmail.returnCode("mini@mouse.com"))
						.withPassword(Password.changeRequired("Secr3tP4ssw0rd!")))
			.withUsername("minnie");

		String json = this.mapper.writeValueAsString(request);

		assertThat(json).isEqualTo("""
				{"organizationId":"69629026806489455","username":"minnie","human":{"profile":{"givenName":"Minnie",\
				"familyName":"Mouse"},"email":{"email":"mini@mouse.com","returnCode":{}},"password":{"password":\
				"Secr3tP4ssw0rd!","changeRequired":true}}}""");
		ProtoContract.assertRequestConforms(CREATE_USER, json);
	}

	@Test
	void aMachineUserIsTheOtherAlternative() {
		CreateUserRequest request = CreateUserRequest.machine("1", CreateUserRequestMachine.of("Importer"));

		String json = this.mapper.writeValueAsString(request);

		assertThat(json).isEqualTo("{\"organizationId\":\"1\",\"machine\":{\"name\":\"Importer\"}}");
		ProtoContract.assertRequestConforms(CREATE_USER, json);
	}

	@Test
	void metadataValuesAreBase64() {
		SetUserMetadataRequest request = SetUserMetadataRequest.of("42", "tier", "gold ü");

		assertThat(this.mapper.writeValueAsString(request))
			.isEqualTo("{\"userId\":\"42\",\"metadata\":[{\"key\":\"tier\",\"value\":\"Z29sZCDDvA==\"}]}");
		ListUserMetadataResponse response = this.mapper.readValue("""
				{"pagination":{"totalResult":"1","appliedLimit":"100"},"metadata":[{"creationDate":\
				"2025-01-23T10:34:18.051Z","key":"tier","value":"Z29sZCDDvA=="}]}""", ListUserMetadataResponse.class);
		assertThat(response.metadata()).singleElement().satisfies((entry) -> {
			assertThat(entry.valueAsString()).isEqualTo("gold ü");
			assertThat(entry.creationDate()).isEqualTo(Instant.parse("2025-01-23T10:34:18.051Z"));
			assertThat(entry.changeDate()).isNull();
		});
		assertThat(response.totalResult()).isEqualTo(1);
	}

	@Test
	void sixtyFourBitIntegersAreStringsAndTimestampsRfc3339() {
		ListUsersRequest request = ListUsersRequest
			.of(SearchQuery.userName("ada", TextQueryMethod.TEXT_QUERY_METHOD_STARTS_WITH))
			.withPagination(200, 100);
		AddKeyRequest key = AddKeyRequest.of("42", Instant.parse("2030-01-01T00:00:00Z"));

		assertThat(this.mapper.writeValueAsString(request)).isEqualTo("""
				{"query":{"offset":"200","limit":100},"queries":[{"userNameQuery":{"userName":"ada",\
				"method":"TEXT_QUERY_METHOD_STARTS_WITH"}}]}""");
		assertThat(this.mapper.writeValueAsString(key))
			.isEqualTo("{\"userId\":\"42\",\"expirationDate\":\"2030-01-01T00:00:00Z\"}");
		ProtoContract.assertRequestConforms("zitadel.user.v2.UserService/ListUsers",
				this.mapper.writeValueAsString(request));
		ListUsersResponse response = this.mapper.readValue(
				"{\"details\":{\"totalResult\":\"9007199254740993\",\"timestamp\":\"2025-01-23T10:34:18.051234Z\"}}",
				ListUsersResponse.class);
		assertThat(response.totalResult()).isEqualTo(9007199254740993L);
		assertThat(response.details().timestamp()).isEqualTo(Instant.parse("2025-01-23T10:34:18.051234Z"));
		assertThat(response.result()).isEmpty();
	}

	@Test
	void queriesNestAsOneofs() {
		SearchQuery query = SearchQuery.or(SearchQuery.type(Type.TYPE_MACHINE),
				SearchQuery.not(SearchQuery.inUserIds("1", "2")));

		assertThat(this.mapper.writeValueAsString(query)).isEqualTo("""
				{"orQuery":{"queries":[{"typeQuery":{"type":"TYPE_MACHINE"}},{"notQuery":{"query":\
				{"inUserIdsQuery":{"userIds":["1","2"]}}}}]}}""");
	}

	@Test
	void aUserReadsWhateverZitadelAddsLaterAndWhateverItLeavesOut() {
		GetUserByIDResponse response = this.mapper.readValue("""
				{"details":{"sequence":"3"},"user":{"userId":"42","state":"USER_STATE_SLEEPING",\
				"username":"importer","loginNames":["importer@acme.localhost"],"machine":{"name":"Importer",\
				"hasSecret":true,"addedInV5":"x"},"addedInV5":{"deep":[1,2]}}}""", GetUserByIDResponse.class);

		User user = response.user();
		assertThat(user.state()).isEqualTo(UserState.USER_STATE_UNSPECIFIED);
		assertThat(user.human()).isNull();
		assertThat(user.machine().name()).isEqualTo("Importer");
		assertThat(user.machine().hasSecret()).isTrue();
		// ZITADEL leaves out the enum's default value: an opaque bearer token, as proto3 reads it.
		assertThat(user.machine().accessTokenType()).isEqualTo(AccessTokenType.ACCESS_TOKEN_TYPE_BEARER);
		assertThat(user.loginNames()).containsExactly("importer@acme.localhost");
	}

	@Test
	void absentListsReadAsEmpty() {
		ListKeysResponse response = this.mapper.readValue("{}", ListKeysResponse.class);

		assertThat(response.result()).isEmpty();
		assertThat(response.totalResult()).isZero();
	}

	@Test
	void secretsStayOutOfToString() {
		assertThat(new AddSecretResponse(Instant.EPOCH, "s3cr3t-client-secret")).hasToString(
				"AddSecretResponse[creationDate=1970-01-01T00:00:00Z, clientSecret=[hidden]]");
		assertThat(List.of(new AddPersonalAccessTokenResponse(null, "7", "pat-value"), Password.of("pw-value"),
				new AddKeyResponse(null, "8", "{\"key\":\"-----BEGIN RSA PRIVATE KEY-----\"}".getBytes()),
				new CreateUserResponse("9", null, "EMAILCODE", null), Metadata.of("k", "metadata-value")))
			.allSatisfy((value) -> assertThat(value.toString()).doesNotContain("pat-value", "pw-value", "PRIVATE",
					"EMAILCODE", "metadata-value"));
	}

	@Test
	void metadataEntriesAreEqualByContent() {
		assertThat(Metadata.of("k", "v")).isEqualTo(Metadata.of("k", "v")).hasSameHashCodeAs(Metadata.of("k", "v"));
		assertThat(Metadata.of("k", "v")).isNotEqualTo(Metadata.of("k", "w"));
	}

}
