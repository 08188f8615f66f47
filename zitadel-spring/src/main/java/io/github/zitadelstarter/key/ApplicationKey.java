package io.github.zitadelstarter.key;

import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;

/**
 * A ZITADEL API or OIDC application's key, read from the JSON key file that ZITADEL hands out
 * once: {@code {"type":"application","keyId":"..","key":"-----BEGIN RSA PRIVATE KEY-----..","appId":"..","clientId":".."}}.
 * The application signs its {@code private_key_jwt} client assertions with it, such as for
 * token introspection.
 *
 * <p>
 * {@link #toString()} never shows the private key.
 */
public final class ApplicationKey {

	private final String keyId;

	private final String clientId;

	private final String appId;

	private final RSAPrivateKey privateKey;

	public ApplicationKey(String keyId, String clientId, String appId, RSAPrivateKey privateKey) {
		this.keyId = Objects.requireNonNull(keyId, "keyId");
		this.clientId = Objects.requireNonNull(clientId, "clientId");
		this.appId = Objects.requireNonNull(appId, "appId");
		this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
	}

	/**
	 * Parses an application key file's JSON.
	 * @param json the key file's content
	 * @return the key
	 * @throws InvalidServiceUserKeyException if the JSON is not a usable application key,
	 * such as a service user's key; the message never quotes the content
	 */
	public static ApplicationKey fromJson(String json) {
		return ApplicationKeyParser.parse(json);
	}

	/** The key's id, sent as the client assertion's {@code kid} header. */
	public String getKeyId() {
		return this.keyId;
	}

	/** The application's client id, sent as the client assertion's {@code iss} and {@code sub}. */
	public String getClientId() {
		return this.clientId;
	}

	/** The application's id in ZITADEL; not part of the assertion. */
	public String getAppId() {
		return this.appId;
	}

	public RSAPrivateKey getPrivateKey() {
		return this.privateKey;
	}

	@Override
	public String toString() {
		return "ApplicationKey[keyId=" + this.keyId + ", clientId=" + this.clientId + ", appId=" + this.appId
				+ ", privateKey=******]";
	}

}
