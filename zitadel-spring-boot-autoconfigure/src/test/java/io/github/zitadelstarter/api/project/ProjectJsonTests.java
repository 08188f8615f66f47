package io.github.zitadelstarter.api.project;

import java.time.Instant;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiJson;
import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project service's messages in ZITADEL's JSON, as the typed clients' mapper writes and
 * reads them: nothing that was not set, 64-bit integers as strings, {@code oneof} filters with
 * one alternative (each request checked against ZITADEL's proto), and answers with fields left
 * out or added by a later ZITADEL.
 */
class ProjectJsonTests {

	private final JsonMapper mapper = ZitadelApiJson.mapper();

	@Test
	void aNewProjectCarriesOnlyWhatWasSet() {
		assertThat(json(CreateProjectRequest.of("69629012906488334", "Shop")))
			.isEqualTo("{\"organizationId\":\"69629012906488334\",\"name\":\"Shop\"}");
		assertThat(json(CreateProjectRequest.of("1", "Shop")
			.withProjectRoleAssertion(true)
			.withPrivateLabelingSetting(
					PrivateLabelingSetting.PRIVATE_LABELING_SETTING_ENFORCE_PROJECT_RESOURCE_OWNER_POLICY)))
			.isEqualTo("{\"organizationId\":\"1\",\"name\":\"Shop\",\"projectRoleAssertion\":true,"
					+ "\"privateLabelingSetting\":\"PRIVATE_LABELING_SETTING_ENFORCE_PROJECT_RESOURCE_OWNER_POLICY\"}");
	}

	@Test
	void anUpdateSendsFalseOnlyWhenFalseIsMeantAndLeavesTheRestUnchanged() {
		assertThat(json(UpdateProjectRequest.of("1"))).isEqualTo("{\"projectId\":\"1\"}");
		assertThat(json(UpdateProjectRequest.of("1").withName("Shop 2").withAuthorizationRequired(false)))
			.isEqualTo("{\"projectId\":\"1\",\"name\":\"Shop 2\",\"authorizationRequired\":false}");
	}

	@Test
	void aListRequestsOffsetIsAStringAndItsOrderSurvivesPaging() {
		ListProjectsRequest request = ListProjectsRequest
			.of(ProjectSearchFilter.projectName("Sh", TextFilterMethod.TEXT_FILTER_METHOD_STARTS_WITH),
					ProjectSearchFilter.organizationId("1", ProjectOrganizationIDFilterType.OWNED))
			.withSorting(ProjectFieldName.PROJECT_FIELD_NAME_NAME, true)
			.withPagination(200, 100);

		assertThat(json(request)).isEqualTo("{\"pagination\":{\"offset\":\"200\",\"limit\":100,\"asc\":true},"
				+ "\"sortingColumn\":\"PROJECT_FIELD_NAME_NAME\",\"filters\":["
				+ "{\"projectNameFilter\":{\"projectName\":\"Sh\",\"method\":\"TEXT_FILTER_METHOD_STARTS_WITH\"}},"
				+ "{\"organizationIdFilter\":{\"organizationId\":\"1\",\"type\":\"OWNED\"}}]}");
		assertThat(json(ListProjectGrantsRequest.of(ProjectGrantSearchFilter.inProjectIds("1", "2"))))
			.isEqualTo("{\"filters\":[{\"inProjectIdsFilter\":{\"ids\":[\"1\",\"2\"]}}]}");
	}

	@Test
	void anAnswerReadsWithFieldsLeftOutOrAddedLater() {
		ListProjectsResponse response = this.mapper.readValue("""
				{"pagination":{"totalResult":"101","appliedLimit":"100"},"projects":[
				{"projectId":"2","organizationId":"1","creationDate":"2024-12-18T07:50:47.492Z","name":"Shop",
				"state":"PROJECT_STATE_ARCHIVED","projectRoleAssertion":true,"addedLater":{"x":1}}]}""",
				ListProjectsResponse.class);

		assertThat(response.totalResult()).isEqualTo(101);
		Project project = response.projects().get(0);
		assertThat(project.creationDate()).isEqualTo(Instant.parse("2024-12-18T07:50:47.492Z"));
		assertThat(project.state()).isEqualTo(ProjectState.PROJECT_STATE_UNSPECIFIED);
		assertThat(project.projectRoleAssertion()).isTrue();
		assertThat(project.authorizationRequired()).isFalse();
		assertThat(project.grantedOrganizationId()).isNull();
		assertThat(this.mapper.readValue("{}", ListProjectGrantsResponse.class).projectGrants()).isEmpty();
		assertThat(this.mapper.readValue("{}", ListProjectGrantsResponse.class).totalResult()).isZero();
	}

	/** The request's JSON, which must be what ZITADEL's proto allows for the RPC. */
	private String json(Object request) {
		String json = this.mapper.writeValueAsString(request);
		String message = request.getClass().getSimpleName();
		ProtoContract.assertRequestConforms(
				"zitadel.project.v2.ProjectService/" + message.substring(0, message.length() - "Request".length()),
				json);
		return json;
	}

}
