package io.github.zitadelstarter.actions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What ZITADEL sends a target of a {@code function} execution such as {@code preuserinfo} or
 * {@code preaccesstoken}, before it writes the userinfo or the access token: the user, the
 * claims so far, the user's metadata, organization and grants. A {@code call} target answers
 * a {@link FunctionAnswer}.
 *
 * @param function the function, such as {@code function/preaccesstoken}
 * @param userinfo the OIDC claims so far ({@code sub}, {@code name}, {@code email}, ...)
 * @param user the user
 * @param userMetadata the user's metadata
 * @param org the user's organization
 * @param userGrants the user's grants (authorizations), as ZITADEL writes them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionPayload(String function, Map<String, @Nullable Object> userinfo, @Nullable User user,
		@JsonProperty("user_metadata") List<Metadata> userMetadata, @Nullable Organization org,
		@JsonProperty("user_grants") List<JsonNode> userGrants) {

	public FunctionPayload {
		function = (function != null) ? function : "";
		userinfo = (userinfo != null) ? userinfo : Map.of();
		userMetadata = (userMetadata != null) ? List.copyOf(userMetadata) : List.of();
		userGrants = (userGrants != null) ? List.copyOf(userGrants) : List.of();
	}

	/**
	 * The user's display name: a person's display name, a service user's name, else the
	 * preferred login name.
	 * @return the name, or {@code ""} without a user
	 */
	public String displayName() {
		User user = this.user;
		if (user == null) {
			return "";
		}
		if (user.human() != null && !user.human().displayName().isEmpty()) {
			return user.human().displayName();
		}
		if (user.machine() != null && !user.machine().name().isEmpty()) {
			return user.machine().name();
		}
		return user.preferredLoginName();
	}

	/**
	 * The user as ZITADEL's query model writes it.
	 *
	 * @param id the user's id
	 * @param resourceOwner the organization the user belongs to
	 * @param username the username
	 * @param preferredLoginName the preferred login name
	 * @param loginNames every login name
	 * @param human a person's profile, or {@code null} for a service user
	 * @param machine a service user's profile, or {@code null} for a person
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record User(String id, @JsonProperty("resource_owner") String resourceOwner, String username,
			@JsonProperty("preferred_login_name") String preferredLoginName,
			@JsonProperty("login_names") List<String> loginNames, @Nullable Human human, @Nullable Machine machine) {

		public User {
			id = (id != null) ? id : "";
			resourceOwner = (resourceOwner != null) ? resourceOwner : "";
			username = (username != null) ? username : "";
			preferredLoginName = (preferredLoginName != null) ? preferredLoginName : "";
			loginNames = (loginNames != null) ? List.copyOf(loginNames) : List.of();
		}

	}

	/**
	 * A person's profile.
	 *
	 * @param firstName the first (given) name
	 * @param lastName the last (family) name
	 * @param nickName the nickname
	 * @param displayName the display name
	 * @param preferredLanguage the preferred language, such as {@code en}
	 * @param email the email address
	 * @param emailVerified whether the email address is verified
	 * @param phone the phone number
	 * @param phoneVerified whether the phone number is verified
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Human(@JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName,
			@JsonProperty("nick_name") String nickName, @JsonProperty("display_name") String displayName,
			@JsonProperty("preferred_language") String preferredLanguage, String email,
			@JsonProperty("is_email_verified") @JsonSetter(nulls = Nulls.AS_EMPTY) boolean emailVerified, String phone,
			@JsonProperty("is_phone_verified") @JsonSetter(nulls = Nulls.AS_EMPTY) boolean phoneVerified) {

		public Human {
			firstName = (firstName != null) ? firstName : "";
			lastName = (lastName != null) ? lastName : "";
			nickName = (nickName != null) ? nickName : "";
			displayName = (displayName != null) ? displayName : "";
			preferredLanguage = (preferredLanguage != null) ? preferredLanguage : "";
			email = (email != null) ? email : "";
			phone = (phone != null) ? phone : "";
		}

	}

	/**
	 * A service user's profile.
	 *
	 * @param name the name
	 * @param description the description
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Machine(String name, String description) {

		public Machine {
			name = (name != null) ? name : "";
			description = (description != null) ? description : "";
		}

	}

	/**
	 * An entry of the user's metadata.
	 *
	 * @param key the key
	 * @param value the value (base64 in the JSON)
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Metadata(String key, byte[] value) {

		public Metadata {
			key = (key != null) ? key : "";
			value = (value != null) ? value : new byte[0];
		}

	}

	/**
	 * The user's organization.
	 *
	 * @param id the organization's id
	 * @param name the organization's name
	 * @param primaryDomain the organization's primary domain
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Organization(String id, String name, @JsonProperty("primary_domain") String primaryDomain) {

		public Organization {
			id = (id != null) ? id : "";
			name = (name != null) ? name : "";
			primaryDomain = (primaryDomain != null) ? primaryDomain : "";
		}

	}

}
