package io.github.zitadelstarter.key;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads an unencrypted private key from PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}, what most
 * tools write, any algorithm the JDK knows) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what
 * ZITADEL writes). The JDK reads only PKCS#8, so a PKCS#1 key is wrapped into PKCS#8's
 * structure first, as {@code openssl pkcs8 -topk8 -nocrypt} would.
 */
final class PemPrivateKeys {

	private static final Pattern BLOCK = Pattern
		.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	/** DER of PKCS#8's {@code AlgorithmIdentifier} for rsaEncryption (1.2.840.113549.1.1.1), NULL parameters. */
	private static final byte[] RSA_ALGORITHM_IDENTIFIER = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
			(byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

	private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

	private PemPrivateKeys() {
	}

	/**
	 * The first private key in the text.
	 * @param pem text holding a PEM block
	 * @return the key, or {@code null} when the text holds no private key that can be read
	 */
	static @Nullable PrivateKey read(String pem) {
		Matcher block = BLOCK.matcher(pem);
		while (block.find()) {
			String type = block.group(1);
			if (!type.equals("PRIVATE KEY") && !type.equals("RSA PRIVATE KEY")) {
				continue;
			}
			byte[] der;
			try {
				der = Base64.getMimeDecoder().decode(block.group(2));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			return type.equals("RSA PRIVATE KEY") ? readPkcs8(pkcs8OfRsa(der), List.of("RSA")) : readPkcs8(der, ALGORITHMS);
		}
		return null;
	}

	private static @Nullable PrivateKey readPkcs8(byte[] der, List<String> algorithms) {
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
		for (String algorithm : algorithms) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(spec);
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				// not a key of this algorithm; try the next
			}
		}
		return null;
	}

	/** {@code PrivateKeyInfo ::= SEQUENCE { version 0, algorithm rsaEncryption, OCTET STRING pkcs1 }}. */
	private static byte[] pkcs8OfRsa(byte[] pkcs1) {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		content.writeBytes(new byte[] { 0x02, 0x01, 0x00 });
		content.writeBytes(RSA_ALGORITHM_IDENTIFIER);
		content.writeBytes(derElement(0x04, pkcs1));
		return derElement(0x30, content.toByteArray());
	}

	private static byte[] derElement(int tag, byte[] content) {
		ByteArrayOutputStream element = new ByteArrayOutputStream();
		element.write(tag);
		int length = content.length;
		if (length < 0x80) {
			element.write(length);
		}
		else {
			int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
			element.write(0x80 | bytes);
			for (int i = bytes - 1; i >= 0; i--) {
				element.write(length >>> (8 * i));
			}
		}
		element.writeBytes(content);
		return element.toByteArray();
	}

}
