package io.github.zitadelstarter.token;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.StringUtils;

/**
 * The headers that make an API request act as the service user, the same for every
 * transport: {@code Authorization: Bearer <token>} and, when an organization is configured
 * and the request does not name one itself, {@code x-zitadel-orgid}.
 */
public final class ZitadelRequestHeaders {

	/** The header with which a call selects the organization it acts in. */
	public static final String ORGANIZATION = "x-zitadel-orgid";

	private final @Nullable String organizationId;

	/**
	 * Creates the headers' recipe.
	 * @param organizationId the organization to act in, or {@code null} for the service
	 * user's own
	 */
	public ZitadelRequestHeaders(@Nullable String organizationId) {
		this.organizationId = StringUtils.hasText(organizationId) ? organizationId : null;
	}

	/**
	 * Sets the headers on a request.
	 * @param headers the request's headers
	 * @param token the access token to send
	 */
	public void apply(HttpHeaders headers, OAuth2AccessToken token) {
		headers.setBearerAuth(token.getTokenValue());
		if (this.organizationId != null && !headers.containsHeader(ORGANIZATION)) {
			headers.set(ORGANIZATION, this.organizationId);
		}
	}

	@Override
	public String toString() {
		return "ZitadelRequestHeaders[organizationId=" + this.organizationId + "]";
	}

}
