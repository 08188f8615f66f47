package io.github.zitadelstarter.resourceserver;

import java.time.Duration;

import io.github.zitadelstarter.test.LocalZitadel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The decoders against the local ZITADEL's JWKS: a token checked once is taken from the cache
 * of checked tokens, and a key that ZITADEL removes stops its tokens as soon as the decoder
 * has fetched the keys again, cached or not.
 */
class ZitadelJwtDecodersTests {

	private static final LocalZitadel zitadel = LocalZitadel.start();

	@AfterAll
	static void stop() {
		zitadel.close();
	}

	@BeforeEach
	void reset() {
		zitadel.reset();
	}

	@Test
	void aTokenCheckedOnceIsNotCheckedAgain() {
		JwtDecoder decoder = ZitadelJwtDecoders.jwtDecoder(zitadel.issuer(), zitadel.apiProjectId(), new RestTemplate());
		String token = zitadel.userToken("alice").role("viewer").jwt();

		Jwt first = decoder.decode(token);

		assertThat(decoder.decode(token)).isSameAs(first);
		assertThat(decoder.decode(zitadel.userToken("bob").jwt())).isNotSameAs(first)
			.extracting(Jwt::getSubject)
			.isEqualTo("bob");
	}

	@Test
	void aCheckedTokenOfARemovedKeyIsRefusedOnceTheKeysAreFetchedAgain() {
		JwtDecoder decoder = ZitadelJwtDecoders.jwtDecoder(zitadel.issuer(), zitadel.apiProjectId(), new RestTemplate());
		String beforeRotation = zitadel.userToken("alice").role("viewer").jwt();
		assertThat(decoder.decode(beforeRotation).getSubject()).isEqualTo("alice");

		zitadel.rotateSigningKey();
		zitadel.removeOldSigningKeys();
		// a token of the new key makes the decoder fetch the keys again
		assertThat(decoder.decode(zitadel.userToken("bob").jwt()).getSubject()).isEqualTo("bob");

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(beforeRotation));
	}

	@Test
	void theReactiveDecoderKeepsCheckedTokensUntilTheKeysAreFetchedAgain() {
		ReactiveJwtDecoder decoder = ZitadelJwtDecoders.reactiveJwtDecoder(zitadel.issuer(), zitadel.apiProjectId(),
				WebClient.create());
		String beforeRotation = zitadel.userToken("alice").role("viewer").jwt();
		Jwt first = decoder.decode(beforeRotation).block(Duration.ofSeconds(30));
		// the first check fetched the keys: checked again once, then kept
		Jwt second = decoder.decode(beforeRotation).block(Duration.ofSeconds(30));
		assertThat(decoder.decode(beforeRotation).block(Duration.ofSeconds(30))).isSameAs(second);
		assertThat(first).isNotNull();

		zitadel.rotateSigningKey();
		zitadel.removeOldSigningKeys();
		assertThat(decoder.decode(zitadel.userToken("bob").jwt()).block(Duration.ofSeconds(30)).getSubject())
			.isEqualTo("bob");

		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> decoder.decode(beforeRotation).block(Duration.ofSeconds(30)));
	}

}
