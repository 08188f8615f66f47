package io.github.zitadelstarter.actions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.zitadelstarter.actions.InvalidActionSignatureException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ActionSignatureVerifierTests {

	private static final String KEY = "sk_8f3a1c0e9b7d4f6a2c5e8b1d3f7a9c0e";

	private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

	private static final byte[] BODY = "{\"function\":\"function/preaccesstoken\"}".getBytes(StandardCharsets.UTF_8);

	private final ActionSignatureVerifier verifier = new ActionSignatureVerifier(List.of(KEY),
			ActionSignatureVerifier.DEFAULT_TOLERANCE, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void headerIsZitadelsHmacOfTimeDotBody() throws Exception {
		// as pkg/actions/signing.go computes it: HMAC-SHA256(key, "<t>.<body>"), hex
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of()
			.formatHex(mac.doFinal(("1768471200." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
		assertThat(ActionSignature.header(NOW, BODY, KEY)).isEqualTo("t=1768471200,v1=" + expected);
	}

	@Test
	void callSignedAsZitadelSignsItIsAccepted() {
		this.verifier.verify(BODY, ActionSignature.header(NOW.minusSeconds(299), BODY, KEY));
		assertThat(this.verifier.isValid(BODY, ActionSignature.header(NOW.plusSeconds(299), BODY, KEY))).isTrue();
	}

	@Test
	void anyOneOfSeveralSignaturesMatchingIsEnough() {
		// ZITADEL sends one v1 per key while a target's key is rotated
		assertThat(this.verifier.isValid(BODY, ActionSignature.header(NOW, BODY, "sk_another_key_of_the_target", KEY)))
			.isTrue();
	}

	@Test
	void eitherOfTheApplicationsTwoKeysIsAccepted() {
		ActionSignatureVerifier twoKeys = new ActionSignatureVerifier(List.of("sk_new_key_of_the_target", KEY),
				Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(twoKeys.isValid(BODY, ActionSignature.header(NOW, BODY, KEY))).isTrue();
		assertThat(twoKeys.isValid(BODY, ActionSignature.header(NOW, BODY, "sk_new_key_of_the_target"))).isTrue();
		assertThat(twoKeys.isValid(BODY, ActionSignature.header(NOW, BODY, "sk_some_other_key"))).isFalse();
	}

	@Test
	void aStaleOrFutureTimestampIsRefused() {
		assertRefused(BODY, ActionSignature.header(NOW.minusSeconds(301), BODY, KEY), Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
		assertRefused(BODY, ActionSignature.header(NOW.plusSeconds(301), BODY, KEY), Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
	}

	@Test
	void aChangedBodyIsRefused() {
		byte[] changed = "{\"function\":\"function/preuserinfo\"}".getBytes(StandardCharsets.UTF_8);
		assertRefused(changed, ActionSignature.header(NOW, BODY, KEY), Reason.NO_MATCHING_SIGNATURE);
	}

	@Test
	void theBodyIsCheckedByteForByteNotAsJson() {
		byte[] reformatted = "{ \"function\": \"function/preaccesstoken\" }".getBytes(StandardCharsets.UTF_8);
		assertRefused(reformatted, ActionSignature.header(NOW, BODY, KEY), Reason.NO_MATCHING_SIGNATURE);
	}

	@Test
	void anotherKeysSignatureIsRefused() {
		assertRefused(BODY, ActionSignature.header(NOW, BODY, "sk_a_forger_s_key"), Reason.NO_MATCHING_SIGNATURE);
	}

	@Test
	void aMissingOrMalformedHeaderIsRefused() {
		assertRefused(BODY, null, Reason.MISSING_HEADER);
		assertRefused(BODY, "", Reason.MISSING_HEADER);
		assertRefused(BODY, "v1=abcd", Reason.MALFORMED_HEADER);
		assertRefused(BODY, "t=soon,v1=abcd", Reason.MALFORMED_HEADER);
		assertRefused(BODY, "t=1768471200;v1=abcd", Reason.MALFORMED_HEADER);
		assertRefused(BODY, "t=1768471200", Reason.NO_MATCHING_SIGNATURE);
		assertRefused(BODY, "t=1768471200,v1=not-hex", Reason.NO_MATCHING_SIGNATURE);
	}

	@Test
	void unknownSchemesInTheHeaderAreSkipped() {
		String header = ActionSignature.header(NOW, BODY, KEY) + ",v0=deadbeef";
		assertThat(this.verifier.isValid(BODY, header)).isTrue();
	}

	@Test
	void messagesAndToStringShowNoKeyNoSignatureNoBody() {
		String header = ActionSignature.header(NOW, BODY, "sk_a_forger_s_key");
		assertThatExceptionOfType(InvalidActionSignatureException.class)
			.isThrownBy(() -> this.verifier.verify(BODY, header))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(KEY)
				.doesNotContain(header.substring(header.indexOf("v1=") + 3))
				.doesNotContain("preaccesstoken"));
		assertThat(this.verifier.toString()).doesNotContain(KEY).contains("1 signing key(s)");
	}

	@Test
	void blankKeysAreRefusedUpFront() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ActionSignatureVerifier.of(" "));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ActionSignatureVerifier(List.of(), Duration.ofSeconds(1), Clock.systemUTC()));
	}

	private void assertRefused(byte[] body, String header, Reason reason) {
		assertThatExceptionOfType(InvalidActionSignatureException.class)
			.isThrownBy(() -> this.verifier.verify(body, header))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

}
