package io.github.zitadelstarter.actions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a {@code call} target of a function ({@code preuserinfo}, {@code preaccesstoken}, ...)
 * answers: claims to append, metadata to set on the user, and log lines that ZITADEL appends to
 * the claim {@code urn:zitadel:iam:action:<target>:log}. ZITADEL ignores claims whose key starts
 * with {@code urn:zitadel:iam} and claims that are already set. Immutable: the {@code with...}
 * methods return a new answer.
 *
 * <pre>{@code
 * return FunctionAnswer.empty().withClaim("greeting", "Hello " + payload.displayName());
 * }</pre>
 *
 * @param setUserMetadata metadata to set on the user
 * @param appendClaims claims to append
 * @param appendLogClaims log lines to append
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FunctionAnswer(@JsonProperty("set_user_metadata") List<Metadata> setUserMetadata,
		@JsonProperty("append_claims") List<Claim> appendClaims,
		@JsonProperty("append_log_claims") List<String> appendLogClaims) {

	public FunctionAnswer {
		setUserMetadata = (setUserMetadata != null) ? List.copyOf(setUserMetadata) : List.of();
		appendClaims = (appendClaims != null) ? List.copyOf(appendClaims) : List.of();
		appendLogClaims = (appendLogClaims != null) ? List.copyOf(appendLogClaims) : List.of();
	}

	/**
	 * An answer that changes nothing.
	 * @return the answer
	 */
	public static FunctionAnswer empty() {
		return new FunctionAnswer(List.of(), List.of(), List.of());
	}

	/**
	 * This answer with a claim to append.
	 * @param key the claim's name
	 * @param value the claim's value: anything JSON can hold
	 * @return the new answer
	 */
	public FunctionAnswer withClaim(String key, Object value) {
		return new FunctionAnswer(this.setUserMetadata, plus(this.appendClaims, new Claim(key, value)),
				this.appendLogClaims);
	}

	/**
	 * This answer with metadata to set on the user.
	 * @param key the metadata's key
	 * @param value the value
	 * @return the new answer
	 */
	public FunctionAnswer withUserMetadata(String key, byte[] value) {
		return new FunctionAnswer(plus(this.setUserMetadata, new Metadata(key, value)), this.appendClaims,
				this.appendLogClaims);
	}

	/**
	 * This answer with metadata to set on the user.
	 * @param key the metadata's key
	 * @param value the value, stored in UTF-8
	 * @return the new answer
	 */
	public FunctionAnswer withUserMetadata(String key, String value) {
		return withUserMetadata(key, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * This answer with a log line.
	 * @param line the line
	 * @return the new answer
	 */
	public FunctionAnswer withLogClaim(String line) {
		return new FunctionAnswer(this.setUserMetadata, this.appendClaims, plus(this.appendLogClaims, line));
	}

	private static <T> List<T> plus(List<T> list, T element) {
		List<T> result = new ArrayList<>(list);
		result.add(element);
		return result;
	}

	/**
	 * A claim to append.
	 *
	 * @param key the claim's name
	 * @param value the claim's value
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Claim(String key, Object value) {
	}

	/**
	 * Metadata to set on the user.
	 *
	 * @param key the key
	 * @param value the value (base64 in the JSON)
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Metadata(String key, byte[] value) {
	}

}
