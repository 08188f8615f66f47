package io.github.zitadelstarter.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A target of the local ZITADEL: an application's endpoint and the signing key ZITADEL
 * generated for it. Its calls are made as ZITADEL makes them: {@code POST}, JSON, signed in the
 * {@code ZITADEL-Signature} header with HMAC-SHA256 over {@code <t>.<body>}.
 */
public final class LocalTarget {

	/** The header ZITADEL signs its calls in. */
	public static final String SIGNATURE_HEADER = "ZITADEL-Signature";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String id;

	private final String name;

	private final String endpoint;

	private final String signingKey;

	private final Clock clock;

	private final LocalActions actions;

	LocalTarget(String id, String name, String endpoint, String signingKey, Clock clock, LocalActions actions) {
		this.id = id;
		this.name = name;
		this.endpoint = endpoint;
		this.signingKey = signingKey;
		this.clock = clock;
		this.actions = actions;
	}

	/** The target's id. */
	public String id() {
		return this.id;
	}

	/** The target's name. */
	public String name() {
		return this.name;
	}

	/** The application's URL that the target calls. */
	public String endpoint() {
		return this.endpoint;
	}

	/** The signing key, as {@code CreateTarget} answered it. */
	public String signingKey() {
		return this.signingKey;
	}

	/**
	 * Calls the target with the payload of an event.
	 * @param eventType the event's type, such as {@code user.human.added}
	 * @param aggregateId the aggregate's id, such as the user's
	 * @param eventPayload the event's data
	 * @return the call and the application's answer
	 */
	public TargetCall sendEvent(String eventType, String aggregateId, Map<String, Object> eventPayload) {
		return send(this.actions.eventPayload(eventType, aggregateId, eventPayload));
	}

	/**
	 * Calls the target with the payload of a function for a user of the local ZITADEL.
	 * @param function the function, such as {@code preaccesstoken} or {@code preuserinfo}
	 * @param userId the user's id
	 * @return the call and the application's answer
	 */
	public TargetCall callFunction(String function, String userId) {
		return send(this.actions.functionPayload(function, userId));
	}

	/**
	 * Calls the target with the payload of a request execution.
	 * @param fullMethod the RPC, such as {@code /zitadel.user.v2.UserService/CreateUser}
	 * @param requestJson the request in proto3 JSON
	 * @return the call and the application's answer
	 */
	public TargetCall callRequest(String fullMethod, String requestJson) {
		return send(this.actions.requestPayload(fullMethod, requestJson));
	}

	/**
	 * Calls the target with a body, signed now.
	 * @param body the body
	 * @return the call and the application's answer
	 */
	public TargetCall send(String body) {
		return send(body, signature(this.clock.instant(), body));
	}

	/**
	 * Calls the target with a body and a signature header of the test's choosing, such as one
	 * for another body, another key or a time long past.
	 * @param body the body
	 * @param signature the {@code ZITADEL-Signature} header, or {@code null} for none
	 * @return the call and the application's answer
	 */
	public TargetCall send(String body, @org.jspecify.annotations.Nullable String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.endpoint))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(LocalActions.utf8(body)));
		if (signature != null) {
			request.header(SIGNATURE_HEADER, signature);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new TargetCall(this.name, body, response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The target '" + this.name + "' at " + this.endpoint
					+ " could not be called: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling the target '" + this.name + "'", ex);
		}
	}

	/**
	 * The {@code ZITADEL-Signature} header ZITADEL sends with a body at a time.
	 * @param time the time of the call
	 * @param body the body
	 * @return the header's value
	 */
	public String signature(Instant time, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(LocalActions.utf8(this.signingKey), "HmacSHA256"));
			long seconds = time.getEpochSecond();
			byte[] hmac = mac.doFinal(LocalActions.utf8(seconds + "." + body));
			return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(hmac);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "LocalTarget[name=" + this.name + ", endpoint=" + this.endpoint + "]";
	}

}
