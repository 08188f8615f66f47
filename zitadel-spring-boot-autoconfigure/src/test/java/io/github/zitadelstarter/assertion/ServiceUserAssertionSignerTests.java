package io.github.zitadelstarter.assertion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServiceUserAssertionSignerTests {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	private final TestServiceUser user = TestServiceUser.create();

	private final ServiceUserKey key = ServiceUserKey.fromJson(this.user.keyJson());

	@Test
	void signsAnAssertionThatZitadelAccepts() throws Exception {
		ServiceUserAssertionSigner signer = new ServiceUserAssertionSigner(this.key, "https://x.zitadel.cloud",
				Duration.ofMinutes(5), Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
		Jwt assertion = signer.sign();
		SignedJWT jwt = SignedJWT.parse(assertion.getTokenValue());
		assertThat(jwt.verify(this.user.verifier())).isTrue();
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(TestServiceUser.KEY_ID);
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(TestServiceUser.USER_ID);
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(TestServiceUser.USER_ID);
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("https://x.zitadel.cloud");
		assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(NOW.minusSeconds(30));
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void springsViewOfTheAssertionCarriesTheSignedClaims() throws Exception {
		ServiceUserAssertionSigner signer = new ServiceUserAssertionSigner(this.key, "https://x.zitadel.cloud",
				Duration.ofMinutes(5), Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
		Jwt assertion = signer.sign();
		SignedJWT jwt = SignedJWT.parse(assertion.getTokenValue());
		assertThat(assertion.getIssuedAt()).isEqualTo(jwt.getJWTClaimsSet().getIssueTime().toInstant());
		assertThat(assertion.getExpiresAt()).isEqualTo(jwt.getJWTClaimsSet().getExpirationTime().toInstant());
		assertThat(assertion.getSubject()).isEqualTo(TestServiceUser.USER_ID);
		assertThat(assertion.getAudience()).containsExactly("https://x.zitadel.cloud");
		assertThat(assertion.getHeaders()).containsEntry("kid", TestServiceUser.KEY_ID);
	}

	@Test
	void eachAssertionIsNewlySigned() {
		ServiceUserAssertionSigner signer = new ServiceUserAssertionSigner(this.key, "https://x.zitadel.cloud",
				Duration.ofMinutes(5), Duration.ofSeconds(30), Clock.systemUTC());
		assertThat(signer.sign().getTokenValue()).isNotEqualTo(signer.sign().getTokenValue());
	}

	@Test
	void refusesLifetimesThatZitadelWouldRefuse() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ServiceUserAssertionSigner(this.key, "https://x",
				Duration.ofMinutes(59), Duration.ofMinutes(2), Clock.systemUTC()));
	}

}
