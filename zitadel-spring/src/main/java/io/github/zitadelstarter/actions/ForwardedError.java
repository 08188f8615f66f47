package io.github.zitadelstarter.actions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * An error a {@code call} target asks ZITADEL to pass on to its caller, answered with status
 * 200: ZITADEL forwards a status from 400 to 499 with the message, and turns any other status
 * into {@code PreconditionFailed}. Only an interrupting target ({@code interruptOnError}) stops
 * the call this way.
 *
 * @param forwardedStatusCode the HTTP status for ZITADEL's caller, 400 to 499
 * @param forwardedErrorMessage the message for ZITADEL's caller
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForwardedError(@JsonSetter(nulls = Nulls.AS_EMPTY) int forwardedStatusCode, String forwardedErrorMessage) {

	public ForwardedError {
		forwardedErrorMessage = (forwardedErrorMessage != null) ? forwardedErrorMessage : "";
	}

}
