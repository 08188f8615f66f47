package io.github.zitadelstarter.actions;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code ZITADEL-Signature} header of a call from ZITADEL:
 * {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, where each {@code v1} is the HMAC-SHA256,
 * under one of the target's signing keys, of {@code <t>.<raw body>}; as
 * {@code pkg/actions/signing.go} of ZITADEL computes it.
 */
public final class ActionSignature {

	/** The header ZITADEL sends the signature in. */
	public static final String HEADER = "ZITADEL-Signature";

	private static final String ALGORITHM = "HmacSHA256";

	private ActionSignature() {
	}

	/**
	 * The header value ZITADEL would send for a body at a time, one {@code v1} per key. For tests
	 * and for the local ZITADEL; an application only verifies.
	 * @param time when the call is made
	 * @param body the raw body
	 * @param signingKeys the target's signing keys, at least one
	 * @return the header's value
	 */
	public static String header(Instant time, byte[] body, String... signingKeys) {
		if (signingKeys.length == 0) {
			throw new IllegalArgumentException("At least one signing key is needed");
		}
		long seconds = time.getEpochSecond();
		StringJoiner header = new StringJoiner(",");
		header.add("t=" + seconds);
		for (String signingKey : signingKeys) {
			header.add("v1=" + HexFormat.of().formatHex(hmac(signingKey, seconds, body)));
		}
		return header.toString();
	}

	static byte[] hmac(String signingKey, long seconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			mac.update(Long.toString(seconds).getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) '.');
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			// Every Java runtime has HmacSHA256; the message carries no key.
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * A header as read: its time and its {@code v1} signatures (those that are hex).
	 * @param seconds the value of {@code t}
	 * @param signatures the decoded {@code v1} values
	 */
	record Parsed(long seconds, List<byte[]> signatures) {

		/**
		 * Reads a header the way ZITADEL's own verifier does: comma-separated {@code key=value}
		 * pairs, unknown keys skipped, {@code v1} values that are not hex skipped.
		 */
		static Parsed parse(String header) {
			Long seconds = null;
			List<byte[]> signatures = new ArrayList<>();
			for (String pair : header.split(",", -1)) {
				String[] parts = pair.trim().split("=", -1);
				if (parts.length != 2) {
					throw new InvalidActionSignatureException(InvalidActionSignatureException.Reason.MALFORMED_HEADER);
				}
				if (parts[0].equals("t")) {
					try {
						seconds = Long.parseLong(parts[1]);
					}
					catch (NumberFormatException ex) {
						throw new InvalidActionSignatureException(InvalidActionSignatureException.Reason.MALFORMED_HEADER);
					}
				}
				else if (parts[0].equals("v1")) {
					try {
						signatures.add(HexFormat.of().parseHex(parts[1]));
					}
					catch (IllegalArgumentException ex) {
						// as ZITADEL's verifier: a v1 that is not hex is no signature
					}
				}
			}
			if (seconds == null) {
				throw new InvalidActionSignatureException(InvalidActionSignatureException.Reason.MALFORMED_HEADER);
			}
			if (signatures.isEmpty()) {
				throw new InvalidActionSignatureException(InvalidActionSignatureException.Reason.NO_MATCHING_SIGNATURE);
			}
			return new Parsed(seconds, signatures);
		}

	}

}
