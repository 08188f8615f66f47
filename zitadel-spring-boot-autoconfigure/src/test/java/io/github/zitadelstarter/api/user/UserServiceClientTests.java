package io.github.zitadelstarter.api.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.ZitadelPages;
import io.github.zitadelstarter.api.metadata.MetadataSearchFilter;
import io.github.zitadelstarter.api.object.TextQueryMethod;
import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The user service as an application meets it: the injected {@link UserServiceClient}
 * against the local ZITADEL, which keeps what the calls create.
 */
@SpringBootTest(properties = "spring.main.web-application-type=none")
@EnableLocalZitadel
class UserServiceClientTests {

	private static final String USERS = "/zitadel.user.v2.UserService/";

	@Autowired
	UserServiceClient users;

	@Autowired
	LocalZitadel zitadel;

	// Every request sent, answer and error received is what ZITADEL's protos define.
	@AfterEach
	void callsConformToZitadelsProtos() {
		ProtoContract.assertConforms(this.zitadel.apiCalls());
	}

	@Test
	void createsAHumanUserAndFindsIt() {
		CreateUserResponse created = this.users.createUser(CreateUserRequest.human(this.zitadel.organizationId(),
				CreateUserRequestHuman.of(SetHumanProfile.of("Grace", "Hopper"), SetHumanEmail.verified("grace@navy.mil"))
					.withPassword(Password.changeRequired("C0b0l!C0b0l!")))
			.withUsername("grace"));

		User user = this.users.getUserByID(GetUserByIDRequest.of(created.id())).user();
		assertThat(created.creationDate()).isNotNull();
		assertThat(user.userId()).isEqualTo(created.id());
		assertThat(user.username()).isEqualTo("grace");
		assertThat(user.state()).isEqualTo(UserState.USER_STATE_ACTIVE);
		assertThat(user.details().resourceOwner()).isEqualTo(this.zitadel.organizationId());
		assertThat(user.preferredLoginName()).startsWith("grace@");
		assertThat(user.human().profile().displayName()).isEqualTo("Grace Hopper");
		assertThat(user.human().email()).isEqualTo(new HumanEmail("grace@navy.mil", true));
		assertThat(user.human().passwordChangeRequired()).isTrue();
		assertThat(user.machine()).isNull();
		assertThat(this.zitadel.apiCalls()).extracting(ApiCall::path)
			.containsExactly(USERS + "CreateUser", USERS + "GetUserByID");
	}

	@Test
	void returnsTheEmailCodeWhenAskedTo() {
		CreateUserResponse created = this.users.createUser(CreateUserRequest.human(this.zitadel.organizationId(),
				CreateUserRequestHuman.of(SetHumanProfile.of("Alan", "Kay"), SetHumanEmail.returnCode("alan@parc.com"))));

		assertThat(created.emailCode()).isNotBlank();
		assertThat(this.users.getUserByID(GetUserByIDRequest.of(created.id())).user().human().email().isVerified())
			.isFalse();
	}

	@Test
	void createsAMachineUser() {
		String id = createMachine("importer");

		User user = this.users.getUserByID(GetUserByIDRequest.of(id)).user();
		assertThat(user.username()).isEqualTo("importer");
		assertThat(user.human()).isNull();
		assertThat(user.machine()).isEqualTo(new MachineUser("Importer", "Imports the nightly batch", false, AccessTokenType.ACCESS_TOKEN_TYPE_BEARER));
	}

	@Test
	void refusesASecondUserOfTheSameName() {
		createMachine("importer");

		assertThatExceptionOfType(ZitadelApiException.class).isThrownBy(() -> createMachine("importer"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.ALREADY_EXISTS));
	}

	@Test
	void seesTheUsersOfTheLocalZitadelToo() {
		String id = this.zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");

		assertThat(this.users.getUserByID(GetUserByIDRequest.of(id)).user().username()).isEqualTo("grace.hopper");
		assertThat(this.users.getUserByID(GetUserByIDRequest.of(this.zitadel.userId())).user().machine())
			.isNotNull();
	}

	@Test
	void listsTheUsersMatchingTheQueries() {
		String ada = human("ada", "Ada", "Byron");
		String alan = human("alan", "Alan", "Turing");
		String importer = createMachine("importer");
		this.users.lockUser(LockUserRequest.of(alan));

		assertThat(ids(ListUsersRequest.of(SearchQuery.userName("ada")))).containsExactly(ada);
		assertThat(ids(ListUsersRequest.of(SearchQuery.email("ALAN@example.com",
				TextQueryMethod.TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE)))).containsExactly(alan);
		assertThat(ids(ListUsersRequest
			.of(SearchQuery.displayName("Byron", TextQueryMethod.TEXT_QUERY_METHOD_ENDS_WITH)))).containsExactly(ada);
		assertThat(ids(ListUsersRequest.of(SearchQuery.type(Type.TYPE_MACHINE),
				SearchQuery.inUserIds(ada, alan, importer)))).containsExactly(importer);
		assertThat(ids(ListUsersRequest.of(SearchQuery.state(UserState.USER_STATE_LOCKED)))).containsExactly(alan);
		assertThat(ids(ListUsersRequest.of(SearchQuery.organizationId(this.zitadel.organizationId()),
				SearchQuery.or(SearchQuery.userName("ada"), SearchQuery.userName("alan")))))
			.containsExactly(ada, alan);
		assertThat(ids(ListUsersRequest.of(SearchQuery.inUserIds(ada, alan, importer),
				SearchQuery.not(SearchQuery.type(Type.TYPE_HUMAN))))).containsExactly(importer);
		assertThat(ids(ListUsersRequest.of(SearchQuery.userName("nobody")))).isEmpty();
	}

	@Test
	void listsAllUsersPageByPage() {
		int before = this.users.listUsers(ListUsersRequest.of()).result().size();
		List<String> created = IntStream.range(0, ZitadelPages.DEFAULT_PAGE_SIZE + 20)
			.mapToObj((i) -> human("user-" + i, "User", "No. " + i))
			.toList();
		this.zitadel.clearRecords();

		List<User> all = this.users
			.listAllUsers(ListUsersRequest.of().withSorting(UserFieldName.USER_FIELD_NAME_CREATION_DATE, true))
			.toList();

		assertThat(all).hasSize(before + created.size());
		assertThat(all).extracting(User::userId).endsWith(created.toArray(String[]::new));
		assertThat(this.zitadel.apiCalls()).extracting(ApiCall::body)
			.containsExactly(
					"{\"query\":{\"limit\":100,\"asc\":true},"
							+ "\"sortingColumn\":\"USER_FIELD_NAME_CREATION_DATE\"}",
					"{\"query\":{\"offset\":\"100\",\"limit\":100,\"asc\":true},"
							+ "\"sortingColumn\":\"USER_FIELD_NAME_CREATION_DATE\"}");
	}

	@Test
	void metadataMakesTheRoundTripAsBase64() throws Exception {
		String id = createMachine("importer");

		this.users.setUserMetadata(SetUserMetadataRequest.of(id, Metadata.of("tier", "gold"),
				Metadata.of("region", "eu-central ü")));
		List<io.github.zitadelstarter.api.metadata.Metadata> listed = this.users
			.listUserMetadata(ListUserMetadataRequest.of(id))
			.metadata();
		this.users.deleteUserMetadata(DeleteUserMetadataRequest.of(id, "tier"));

		assertThat(listed).extracting(io.github.zitadelstarter.api.metadata.Metadata::key,
				io.github.zitadelstarter.api.metadata.Metadata::valueAsString)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("region", "eu-central ü"),
					org.assertj.core.groups.Tuple.tuple("tier", "gold"));
		assertThat(this.users.listAllUserMetadata(ListUserMetadataRequest.of(id, MetadataSearchFilter.key("tier"))))
			.isEmpty();
		assertThat(this.users.listUserMetadata(ListUserMetadataRequest.of(id)).metadata())
			.extracting(io.github.zitadelstarter.api.metadata.Metadata::key)
			.containsExactly("region");
		ApiCall set = call("SetUserMetadata");
		assertThat(JSONObjectUtils.parse(set.body())).isEqualTo(Map.of("userId", id, "metadata",
				List.of(Map.of("key", "tier", "value", "Z29sZA=="), Map.of("key", "region", "value",
						java.util.Base64.getEncoder().encodeToString("eu-central ü".getBytes(StandardCharsets.UTF_8))))));
		assertThat(call("ListUserMetadata").responseBody()).contains("\"value\":\"Z29sZA==\"");
	}

	@Test
	void updatesAUser() {
		String id = human("ada", "Ada", "Lovelace");

		UpdateUserResponse response = this.users.updateUser(UpdateUserRequest.human(id,
				new UpdateUserRequestHuman(UpdateUserRequestHumanProfile.displayName("Countess of Lovelace"),
						SetHumanEmail.verified("ada@analytical.engine"), null, null)));
		this.users.updateUser(UpdateUserRequest.username(id, "countess"));

		User user = this.users.getUserByID(GetUserByIDRequest.of(id)).user();
		assertThat(response.changeDate()).isNotNull();
		assertThat(user.username()).isEqualTo("countess");
		assertThat(user.human().profile().givenName()).isEqualTo("Ada");
		assertThat(user.human().profile().displayName()).isEqualTo("Countess of Lovelace");
		assertThat(user.human().email().email()).isEqualTo("ada@analytical.engine");
	}

	@Test
	void deactivatesAndReactivatesAUser() {
		String id = human("ada", "Ada", "Lovelace");

		this.users.deactivateUser(DeactivateUserRequest.of(id));
		UserState deactivated = state(id);
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.users.deactivateUser(DeactivateUserRequest.of(id)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.FAILED_PRECONDITION));
		ReactivateUserResponse reactivated = this.users.reactivateUser(ReactivateUserRequest.of(id));

		assertThat(deactivated).isEqualTo(UserState.USER_STATE_INACTIVE);
		assertThat(state(id)).isEqualTo(UserState.USER_STATE_ACTIVE);
		assertThat(reactivated.details().resourceOwner()).isEqualTo(this.zitadel.organizationId());
		assertThat(reactivated.details().sequence()).isGreaterThan(1);
	}

	@Test
	void locksAndUnlocksAUser() {
		String id = human("ada", "Ada", "Lovelace");

		this.users.lockUser(LockUserRequest.of(id));
		UserState locked = state(id);
		this.users.unlockUser(UnlockUserRequest.of(id));

		assertThat(locked).isEqualTo(UserState.USER_STATE_LOCKED);
		assertThat(state(id)).isEqualTo(UserState.USER_STATE_ACTIVE);
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.users.unlockUser(UnlockUserRequest.of(id)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.FAILED_PRECONDITION));
	}

	@Test
	void aDeletedUserIsNotFound() {
		String id = human("ada", "Ada", "Lovelace");

		this.users.deleteUser(DeleteUserRequest.of(id));

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.users.getUserByID(GetUserByIDRequest.of(id)))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND);
				assertThat(ex.getRpc()).isEqualTo("zitadel.user.v2.UserService/GetUserByID");
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getZitadelMessage()).isEqualTo("User could not be found (QUERY-Dfbg2)");
			});
		assertThat(ids(ListUsersRequest.of(SearchQuery.inUserIds(id)))).isEmpty();
	}

	@Test
	void aMissingPermissionArrivesAsPermissionDenied() {
		this.zitadel.withholdPermission("user.write");

		assertThatExceptionOfType(ZitadelApiException.class).isThrownBy(() -> createMachine("importer"))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.PERMISSION_DENIED);
				assertThat(ex.getRpc()).isEqualTo("zitadel.user.v2.UserService/CreateUser");
				assertThat(ex.getRequiredPermission()).isEqualTo("user.write");
			})
			.withMessageContaining("'user.write'");
		assertThat(this.users.listUsers(ListUsersRequest.of()).result()).isNotEmpty();
	}

	@Test
	void aMachineUserGetsKeysPersonalAccessTokensAndASecret() throws Exception {
		String id = createMachine("importer");
		Instant expiration = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

		AddKeyResponse key = this.users.addKey(AddKeyRequest.of(id, expiration));
		AddPersonalAccessTokenResponse pat = this.users
			.addPersonalAccessToken(AddPersonalAccessTokenRequest.of(id, expiration));
		AddSecretResponse secret = this.users.addSecret(AddSecretRequest.of(id));
		boolean hasSecret = this.users.getUserByID(GetUserByIDRequest.of(id)).user().machine().hasSecret();

		Map<String, Object> keyFile = JSONObjectUtils.parse(new String(key.keyContent(), StandardCharsets.UTF_8));
		assertThat(keyFile).containsEntry("type", "serviceaccount")
			.containsEntry("keyId", key.keyId())
			.containsEntry("userId", id);
		assertThat((String) keyFile.get("key")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
		assertThat(this.users.listKeys(ListKeysRequest.ofUser(id)).result()).singleElement().satisfies((listed) -> {
			assertThat(listed.id()).isEqualTo(key.keyId());
			assertThat(listed.userId()).isEqualTo(id);
			assertThat(listed.expirationDate()).isEqualTo(expiration);
		});
		assertThat(pat.token()).isNotBlank();
		assertThat(this.users.listAllPersonalAccessTokens(ListPersonalAccessTokensRequest.ofUser(id)))
			.extracting(PersonalAccessToken::id)
			.containsExactly(pat.tokenId());
		assertThat(secret.clientSecret()).isNotBlank();
		assertThat(hasSecret).isTrue();

		this.users.removeKey(new RemoveKeyRequest(id, key.keyId()));
		this.users.removePersonalAccessToken(new RemovePersonalAccessTokenRequest(id, pat.tokenId()));
		this.users.removeSecret(RemoveSecretRequest.of(id));

		assertThat(this.users.listAllKeys(ListKeysRequest.ofUser(id))).isEmpty();
		assertThat(this.users.listPersonalAccessTokens(ListPersonalAccessTokensRequest.ofUser(id)).totalResult())
			.isZero();
		assertThat(this.users.getUserByID(GetUserByIDRequest.of(id)).user().machine().hasSecret()).isFalse();
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.users.removeKey(new RemoveKeyRequest(id, key.keyId())))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND));
		assertThat(call("AddPersonalAccessToken").body())
			.isEqualTo("{\"userId\":\"" + id + "\",\"expirationDate\":\"" + expiration + "\"}");
	}

	@Test
	void onlyMachineUsersHaveCredentials() {
		String id = human("ada", "Ada", "Lovelace");

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.users.addSecret(AddSecretRequest.of(id)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.FAILED_PRECONDITION));
	}

	private String human(String username, String givenName, String familyName) {
		return this.users
			.createUser(CreateUserRequest
				.human(this.zitadel.organizationId(), CreateUserRequestHuman
					.of(SetHumanProfile.of(givenName, familyName), SetHumanEmail.verified(username + "@example.com")))
				.withUsername(username))
			.id();
	}

	private String createMachine(String username) {
		return this.users.createUser(CreateUserRequest.machine(this.zitadel.organizationId(),
				CreateUserRequestMachine.of("Importer", "Imports the nightly batch")).withUsername(username)).id();
	}

	private List<String> ids(ListUsersRequest request) {
		return this.users.listUsers(request).result().stream().map(User::userId).toList();
	}

	private UserState state(String id) {
		return this.users.getUserByID(GetUserByIDRequest.of(id)).user().state();
	}

	private ApiCall call(String rpc) {
		return this.zitadel.apiCalls()
			.stream()
			.filter((call) -> call.path().equals(USERS + rpc))
			.findFirst()
			.orElseThrow();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
