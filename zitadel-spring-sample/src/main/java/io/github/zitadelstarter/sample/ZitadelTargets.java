package io.github.zitadelstarter.sample;

import java.util.Set;

import io.github.zitadelstarter.actions.EventPayload;
import io.github.zitadelstarter.actions.FunctionAnswer;
import io.github.zitadelstarter.actions.FunctionPayload;
import io.github.zitadelstarter.actions.ZitadelActionTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's two ZITADEL targets, each call checked against the signing key of
 * {@code ZITADEL_ACTIONS_SIGNING_KEY} before it gets here: a {@code call} target of the
 * {@code preaccesstoken} function that greets the user in a claim, and a {@code webhook} target
 * for events that logs the users created. Without the key, the sample has no targets.
 */
@RestController
@ConditionalOnExpression("!'${zitadel.actions.signing-key:}'.isBlank()")
class ZitadelTargets {

	private static final Log logger = LogFactory.getLog(ZitadelTargets.class);

	private static final Set<String> USER_CREATED = Set.of("user.human.added", "user.human.selfregistered",
			"user.machine.added");

	@PostMapping("/actions/preaccesstoken")
	@ZitadelActionTarget
	FunctionAnswer preAccessToken(@RequestBody FunctionPayload payload) {
		return FunctionAnswer.empty().withClaim("sample_greeting", "Hello " + payload.displayName());
	}

	@PostMapping("/actions/events")
	@ZitadelActionTarget
	void events(@RequestBody EventPayload event) {
		if (USER_CREATED.contains(event.eventType())) {
			logger.info("User " + event.aggregateId() + " created in organization " + event.resourceOwner() + " ("
					+ event.eventType() + ")");
		}
	}

}
