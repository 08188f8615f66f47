package io.github.zitadelstarter.examples;

import java.time.Duration;
import java.util.List;

import io.github.zitadelstarter.actions.ActionSignatureVerifier;
import io.github.zitadelstarter.api.ZitadelClients;
import io.github.zitadelstarter.api.action.ActionServiceClient;
import io.github.zitadelstarter.api.action.Condition;
import io.github.zitadelstarter.api.action.CreateTargetRequest;
import io.github.zitadelstarter.api.action.CreateTargetResponse;
import io.github.zitadelstarter.api.action.EventExecution;
import io.github.zitadelstarter.api.action.PayloadType;
import io.github.zitadelstarter.api.action.RESTWebhook;
import io.github.zitadelstarter.api.action.SetExecutionRequest;

import org.springframework.stereotype.Service;

/**
 * Creates a ZITADEL target for the application's endpoint and has ZITADEL call it on the events
 * of users; the signing key that ZITADEL answers, once, checks the calls.
 */
@Service
public class ZitadelTargetSetup {

	private final ActionServiceClient actions;

	public ZitadelTargetSetup(ZitadelClients clients) {
		this.actions = clients.client(ActionServiceClient.class);
	}

	public ActionSignatureVerifier createUserEventsTarget(String endpoint) {
		CreateTargetResponse target = this.actions.createTarget(new CreateTargetRequest("user-events",
				new RESTWebhook(false), null, null, Duration.ofSeconds(10), endpoint, PayloadType.PAYLOAD_TYPE_JSON));
		this.actions.setExecution(new SetExecutionRequest(
				new Condition(null, null, null, new EventExecution(null, "user", null)), List.of(target.id())));
		// Keep the key as a secret, such as zitadel.actions.signing-key; ZITADEL shows it only now.
		return ActionSignatureVerifier.of(target.signingKey());
	}

}
