package io.github.zitadelstarter.test;

/**
 * A call of the local ZITADEL to a target, and what the application answered.
 *
 * @param target the target's name
 * @param requestBody the payload sent
 * @param status the answer's HTTP status
 * @param body the answer's body
 */
public record TargetCall(String target, String requestBody, int status, String body) {

	@Override
	public String toString() {
		return "TargetCall[target=" + this.target + ", status=" + this.status + "]";
	}

}
