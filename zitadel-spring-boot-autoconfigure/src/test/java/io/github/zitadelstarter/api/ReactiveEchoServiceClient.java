package io.github.zitadelstarter.api;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** {@link EchoServiceClient}, reactive. */
@HttpExchange(url = "/zitadel.echo.v2.EchoService", contentType = MediaType.APPLICATION_JSON_VALUE,
		accept = MediaType.APPLICATION_JSON_VALUE)
interface ReactiveEchoServiceClient {

	@PostExchange("/Echo")
	@RequiredPermission("user.write")
	Mono<EchoServiceClient.Echo> echo(@RequestBody EchoServiceClient.Echo request);

}
