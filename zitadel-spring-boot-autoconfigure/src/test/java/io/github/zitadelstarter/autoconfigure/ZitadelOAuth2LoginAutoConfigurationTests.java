package io.github.zitadelstarter.autoconfigure;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.zitadelstarter.resourceserver.ZitadelGrantedAuthoritiesMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.authority.mapping.NullAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ZITADEL's roles for users who log in with {@code oauth2Login}: the mapper is there for an
 * application with client registrations, maps ID tokens of ZITADEL only, and an application's
 * own mapper wins.
 */
class ZitadelOAuth2LoginAutoConfigurationTests {

	private static final String ISSUER = "https://my-instance.zitadel.cloud";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZitadelOAuth2LoginAutoConfiguration.class))
		.withPropertyValues("zitadel.issuer=" + ISSUER);

	@Test
	void nothingWithoutClientRegistrations() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GrantedAuthoritiesMapper.class));
	}

	@Test
	void nothingWhenZitadelIsSwitchedOff() {
		this.runner.withBean(ClientRegistrationRepository.class, ZitadelOAuth2LoginAutoConfigurationTests::registrations)
			.withPropertyValues("zitadel.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GrantedAuthoritiesMapper.class));
	}

	@Test
	void usersOfZitadelGetTheirRolesWithThePrefixOfTheResourceServer() {
		this.runner.withBean(ClientRegistrationRepository.class, ZitadelOAuth2LoginAutoConfigurationTests::registrations)
			.withPropertyValues("zitadel.resource-server.authority-prefix=ZITADEL_")
			.run((context) -> {
				GrantedAuthoritiesMapper mapper = context.getBean(GrantedAuthoritiesMapper.class);
				assertThat(mapper).isInstanceOf(ZitadelGrantedAuthoritiesMapper.class);

				assertThat(names(mapper.mapAuthorities(List.of(user(ISSUER + "/")))))
					.containsExactlyInAnyOrder("OIDC_USER", "ZITADEL_viewer");
				assertThat(names(mapper.mapAuthorities(List.of(user("https://accounts.example.com")))))
					.containsExactly("OIDC_USER");
			});
	}

	@Test
	void anApplicationsOwnMapperWins() {
		this.runner.withBean(ClientRegistrationRepository.class, ZitadelOAuth2LoginAutoConfigurationTests::registrations)
			.withBean(GrantedAuthoritiesMapper.class, NullAuthoritiesMapper::new)
			.run((context) -> assertThat(context).getBean(GrantedAuthoritiesMapper.class)
				.isInstanceOf(NullAuthoritiesMapper.class));
	}

	private static OidcUserAuthority user(String issuer) {
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
			.issuer(issuer)
			.subject("user-1")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.claim("urn:zitadel:iam:org:project:roles", Map.of("viewer", Map.of("org-1", "org-1.example.com")))
			.build();
		return new OidcUserAuthority(idToken);
	}

	private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).toList();
	}

	private static ClientRegistrationRepository registrations() {
		return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("zitadel")
			.clientId("app")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri(ISSUER + "/oauth/v2/authorize")
			.tokenUri(ISSUER + "/oauth/v2/token")
			.build());
	}

}
