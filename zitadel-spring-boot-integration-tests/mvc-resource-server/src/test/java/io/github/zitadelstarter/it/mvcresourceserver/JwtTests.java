package io.github.zitadelstarter.it.mvcresourceserver;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's API with JWT access tokens, checked against the local ZITADEL's keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableLocalZitadel(resourceServer = LocalResourceServer.JWT)
@ExtendWith(OutputCaptureExtension.class)
class JwtTests {

	@LocalServerPort
	int port;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void tokenWithTheRoleIs200WithTheUserItsOrganizationAndRoles() {
		String token = this.zitadel.userToken("alice").organization("org-1").role("viewer").jwt();

		HttpResponse<String> response = Api.get(this.port, "/api/greeting", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"userId\":\"alice\"")
			.contains("\"organizationId\":\"org-1\"")
			.contains("\"roles\":[\"viewer\"]");
		assertThat(this.zitadel.introspections()).isEmpty();
	}

	@Test
	void tokenWithoutTheRoleIs403() {
		assertThat(Api.get(this.port, "/api/greeting", this.zitadel.userToken("bob").jwt()).statusCode())
			.isEqualTo(403);
	}

	@Test
	void roleInOneOrganizationGrantsThatOrganizationOnly() {
		String token = this.zitadel.userToken("alice").role("viewer").role("admin", "org-1").jwt();

		assertThat(Api.get(this.port, "/api/organizations/org-1/report", token).statusCode()).isEqualTo(200);
		assertThat(Api.get(this.port, "/api/organizations/org-2/report", token).statusCode()).isEqualTo(403);
	}

	@Test
	void theAuthorizationManagerGrantsTheRoleInItsOrganizationOnly() {
		String admin = this.zitadel.userToken("alice").role("admin", "billing-org").jwt();
		String adminElsewhere = this.zitadel.userToken("bob").role("admin", "other-org").role("viewer").jwt();

		assertThat(Api.get(this.port, "/api/billing/invoices", admin).statusCode()).isEqualTo(200);
		assertThat(Api.get(this.port, "/api/billing/invoices", adminElsewhere).statusCode()).isEqualTo(403);
	}

	@Test
	void tokenForAnotherAudienceIs401InvalidToken() {
		assertInvalid(this.zitadel.userToken("alice").role("viewer").audience("another-project").jwt());
	}

	@Test
	void expiredTokenIs401InvalidToken() {
		assertInvalid(this.zitadel.userToken("alice").role("viewer").lifetime(Duration.ofMinutes(-5)).jwt());
	}

	@Test
	void tokenOfAnotherIssuerIs401InvalidToken() {
		try (LocalZitadel other = LocalZitadel.start()) {
			assertInvalid(other.userToken("alice").role("viewer").audience(this.zitadel.apiProjectId()).jwt());
		}
	}

	@Test
	void tokenWithABadSignatureIs401InvalidToken() {
		String token = this.zitadel.userToken("alice").role("viewer").jwt();
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

		assertInvalid(forged);
	}

	@Test
	void garbageIs401InvalidTokenAndStaysOutOfTheLog(CapturedOutput output) {
		assertInvalid("not-a-jwt-5678");
		assertThat(output).doesNotContain("not-a-jwt-5678");
	}

	@Test
	void tokensOfANewKeyAreAcceptedAfterZitadelRotatesItsKeysAndTheRemovedKeysRefused() {
		String beforeRotation = this.zitadel.userToken("alice").role("viewer").jwt();
		assertThat(Api.get(this.port, "/api/greeting", beforeRotation).statusCode()).isEqualTo(200);

		// A new kid: the decoder fetches the keys again, and finds both.
		this.zitadel.rotateSigningKey();
		String afterRotation = this.zitadel.userToken("alice").role("viewer").jwt();
		assertThat(kid(afterRotation)).isNotEqualTo(kid(beforeRotation));
		assertThat(Api.get(this.port, "/api/greeting", afterRotation).statusCode()).isEqualTo(200);
		assertThat(Api.get(this.port, "/api/greeting", beforeRotation).statusCode()).isEqualTo(200);

		// Rotated again with the older keys removed: once the decoder has fetched the keys for the
		// newest kid, tokens of the removed keys are refused.
		this.zitadel.rotateSigningKey();
		this.zitadel.removeOldSigningKeys();
		String newest = this.zitadel.userToken("alice").role("viewer").jwt();
		assertThat(Api.get(this.port, "/api/greeting", newest).statusCode()).isEqualTo(200);
		assertInvalid(afterRotation);
		assertInvalid(beforeRotation);
	}

	private static String kid(String jwt) {
		String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
				StandardCharsets.UTF_8);
		return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
	}

	private void assertInvalid(String token) {
		HttpResponse<String> response = Api.get(this.port, "/api/greeting", token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer error=\"invalid_token\""));
	}

}
