package io.github.zitadelstarter.test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.List;

/**
 * RSA keys as ZITADEL hands them out: 2048 bits, PKCS#1 PEM.
 */
final class RsaKeys {

	private RsaKeys() {
	}

	static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an RSA key pair", ex);
		}
	}

	/** {@code -----BEGIN RSA PRIVATE KEY-----}, which ZITADEL writes and Java cannot. */
	static String pkcs1Pem(RSAPrivateCrtKey key) {
		return pem("RSA PRIVATE KEY", pkcs1(key));
	}

	/** The key as a PKCS#1 {@code RSAPrivateKey} (RFC 8017 A.1.2): a DER SEQUENCE of nine INTEGERs. */
	private static byte[] pkcs1(RSAPrivateCrtKey key) {
		ByteArrayOutputStream integers = new ByteArrayOutputStream();
		for (BigInteger value : List.of(BigInteger.ZERO, key.getModulus(), key.getPublicExponent(),
				key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(),
				key.getPrimeExponentQ(), key.getCrtCoefficient())) {
			// Two's complement, minimal length: exactly DER's encoding of a non-negative INTEGER.
			writeDer(integers, 0x02, value.toByteArray());
		}
		ByteArrayOutputStream sequence = new ByteArrayOutputStream();
		writeDer(sequence, 0x30, integers.toByteArray());
		return sequence.toByteArray();
	}

	private static void writeDer(ByteArrayOutputStream out, int tag, byte[] content) {
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			byte[] lengthBytes = BigInteger.valueOf(length).toByteArray();
			int offset = (lengthBytes[0] == 0) ? 1 : 0;
			out.write(0x80 | (lengthBytes.length - offset));
			out.write(lengthBytes, offset, lengthBytes.length - offset);
		}
		out.write(content, 0, content.length);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}

}
