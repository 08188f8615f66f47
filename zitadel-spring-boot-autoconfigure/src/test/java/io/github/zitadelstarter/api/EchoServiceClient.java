package io.github.zitadelstarter.api;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * A typed client of a made-up v2 service that the tests answer themselves, for what every
 * typed client shares: JSON, errors, organizations, observations.
 */
@HttpExchange(url = "/zitadel.echo.v2.EchoService", contentType = MediaType.APPLICATION_JSON_VALUE,
		accept = MediaType.APPLICATION_JSON_VALUE)
interface EchoServiceClient {

	@PostExchange("/Echo")
	@RequiredPermission("user.write")
	Echo echo(@RequestBody Echo request);

	record Echo(@Nullable String givenName, @Nullable Instant creationDate, @Nullable Duration lifetime,
			@Nullable State state, byte @Nullable [] value) {
	}

	enum State {

		@com.fasterxml.jackson.annotation.JsonEnumDefaultValue
		STATE_UNSPECIFIED, STATE_ACTIVE

	}

}
