package io.github.zitadelstarter.sample.standin;

import java.util.List;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the stand-in's API stubs as ZITADEL guards its APIs: a stub's answer is given only
 * for a known, unexpired bearer token issued with ZITADEL's audience scope, acting in the
 * service user's own organization.
 */
final class ApiGuard implements ResponseDefinitionTransformerV2 {

	static final String NAME = "zitadel-stand-in-api-guard";

	private static final String BEARER = "Bearer ";

	private static final Logger logger = LoggerFactory.getLogger(ZitadelStandIn.class);

	private final AccessTokens tokens;

	private final String organizationId;

	ApiGuard(AccessTokens tokens, String organizationId) {
		this.tokens = tokens;
		this.organizationId = organizationId;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String call = request.getMethod() + " " + request.getUrl();
		AccessTokens.Verdict verdict = this.tokens.check(bearerToken(request.header("Authorization")));
		switch (verdict) {
			case VALID:
				break;
			case NO_ZITADEL_AUDIENCE:
				logger.info("ZITADEL stand-in refused {}: its token was issued without the scope '{}'", call,
						TokenEndpoint.ZITADEL_AUDIENCE_SCOPE);
				return Responses.apiError(401, 16, "invalid audience (APP-Zxfako)");
			default:
				logger.info("ZITADEL stand-in refused {}: {}", call,
						(verdict == AccessTokens.Verdict.EXPIRED) ? "its access token has expired"
								: "no 'Authorization: Bearer <token>' with a token the stand-in issued");
				return Responses.apiError(401, 16, "Errors.Token.Invalid");
		}
		HttpHeader organization = request.header("x-zitadel-orgid");
		if (organization.isPresent() && !List.of(this.organizationId).equals(organization.values())) {
			logger.info("ZITADEL stand-in refused {}: x-zitadel-orgid {} is not the service user's organization {}",
					call, organization.values(), this.organizationId);
			return Responses.apiError(403, 7, "No matching permissions found (AUTH-5mWD2)");
		}
		return serveEvent.getResponseDefinition();
	}

	private static @Nullable String bearerToken(HttpHeader authorization) {
		if (!authorization.isPresent() || !authorization.isSingleValued()) {
			return null;
		}
		String value = authorization.firstValue();
		return value.startsWith(BEARER) ? value.substring(BEARER.length()) : null;
	}

}
