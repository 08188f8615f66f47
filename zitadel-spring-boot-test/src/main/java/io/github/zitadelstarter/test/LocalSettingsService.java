package io.github.zitadelstarter.test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.github.zitadelstarter.test.LocalJson.message;

/**
 * The local ZITADEL's settings service ({@code zitadel.settings.v2.SettingsService}): the
 * settings of a fresh instance, as ZITADEL's setup writes them (its {@code DefaultInstance}
 * defaults in {@code cmd/setup/steps.yaml}, and the second factors instance setup adds), for every
 * organization. The other settings RPCs answer with their defaults; a test sets any answer with
 * {@link LocalZitadel#answer(String, Answer)}.
 */
final class LocalSettingsService {

	static final String SERVICE = "zitadel.settings.v2.SettingsService";

	private static final String INSTANCE = "RESOURCE_OWNER_TYPE_INSTANCE";

	private final LocalState state;

	LocalSettingsService(LocalState state) {
		this.state = state;
	}

	void register(ConnectRpcs rpcs) {
		// LoginPolicy of DefaultInstance; TOTP and U2F as second factors, U2F with verification as multi factor.
		add(rpcs, "GetLoginSettings", () -> message("allowUsernamePassword", true, "allowLocalAuthentication", true,
				"allowRegister", true, "allowExternalIdp", true, "passkeysType", "PASSKEYS_TYPE_ALLOWED",
				"passwordCheckLifetime", "864000s", "externalLoginCheckLifetime", "864000s", "mfaInitSkipLifetime",
				"2592000s", "secondFactorCheckLifetime", "64800s", "multiFactorCheckLifetime", "43200s",
				"secondFactors", List.of("SECOND_FACTOR_TYPE_OTP", "SECOND_FACTOR_TYPE_U2F"), "multiFactors",
				List.of("MULTI_FACTOR_TYPE_U2F_WITH_VERIFICATION"), "allowDomainDiscovery", true, "resourceOwnerType",
				INSTANCE));
		// PasswordComplexityPolicy of DefaultInstance.
		add(rpcs, "GetPasswordComplexitySettings", () -> message("minLength", 8L, "requiresUppercase", true,
				"requiresLowercase", true, "requiresNumber", true, "requiresSymbol", true, "resourceOwnerType",
				INSTANCE));
		// PasswordAgePolicy and LockoutPolicy of DefaultInstance: no expiry, no lockout.
		add(rpcs, "GetPasswordExpirySettings", () -> message("resourceOwnerType", INSTANCE));
		add(rpcs, "GetLockoutSettings", () -> message("resourceOwnerType", INSTANCE));
		// PrivacyPolicy of DefaultInstance.
		add(rpcs, "GetLegalAndSupportSettings",
				() -> message("docsLink", "https://zitadel.com/docs", "resourceOwnerType", INSTANCE));
		rpcs.add(SERVICE, "GetGeneralSettings", "policy.read",
				(request, context) -> message("defaultOrgId", this.state.directory().organizationId(),
						"defaultLanguage", "en", "defaultOrganizationId", this.state.directory().organizationId()));
	}

	private void add(ConnectRpcs rpcs, String method, Supplier<Map<String, Object>> settings) {
		rpcs.add(SERVICE, method, "policy.read", (request, context) -> message("details",
				message("sequence", 1L, "changeDate", this.state.directory().created(), "resourceOwner",
						context.organizationId(), "creationDate", this.state.directory().created()),
				"settings", settings.get()));
	}

}
