package io.github.zitadelstarter.resourceserver;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ZITADEL's roles claims read as a token carries them.
 */
class ZitadelRolesTests {

	private static final Map<String, Object> CLAIMS = Map.of("sub", "alice", "scope", "openid profile",
			"urn:zitadel:iam:user:resourceowner:id", "org-1", "urn:zitadel:iam:org:project:roles",
			Map.of("viewer", Map.of("org-1", "one.example.com"), "admin", Map.of("org-2", "two.example.com")),
			"urn:zitadel:iam:org:project:p-42:roles", Map.of("admin", Map.of("org-2", "two.example.com")),
			"urn:zitadel:iam:org:project:roles:unrelated", "ignored");

	private final ZitadelRoles roles = ZitadelRoles.fromClaims(CLAIMS);

	@Test
	void rolesAreGrantedPerOrganizationAndProject() {
		assertThat(this.roles.getRoleNames()).containsExactlyInAnyOrder("viewer", "admin");
		assertThat(this.roles.has("viewer")).isTrue();
		assertThat(this.roles.hasInOrganization("admin", "org-2")).isTrue();
		assertThat(this.roles.hasInOrganization("admin", "org-1")).isFalse();
		assertThat(this.roles.hasInProject("admin", "org-2", "p-42")).isTrue();
		assertThat(this.roles.hasInProject("viewer", "org-1", "p-42")).isFalse();
		assertThat(this.roles.getOrganizations("admin")).containsExactly("org-2");
	}

	@Test
	void rolesBecomeAuthoritiesWithThePrefixAndScopesAsSpringSecurityHasThem() {
		List<GrantedAuthority> authorities = new ZitadelGrantedAuthoritiesConverter().authorities(CLAIMS);
		assertThat(authorities).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_viewer", "ROLE_admin", "SCOPE_openid", "SCOPE_profile");
		assertThat(new ZitadelGrantedAuthoritiesConverter("").authorities(CLAIMS))
			.extracting(GrantedAuthority::getAuthority)
			.contains("viewer", "admin");
	}

	@Test
	void thePrincipalTellsTheUserAndOrganization() {
		ZitadelPrincipal principal = new ZitadelPrincipal(CLAIMS, List.of());
		assertThat(principal.getUserId()).isEqualTo("alice");
		assertThat(principal.getName()).isEqualTo("alice");
		assertThat(principal.getOrganizationId()).isEqualTo("org-1");
		assertThat(principal.getRoles()).isEqualTo(this.roles);
	}

	@Test
	void claimsOfAnotherShapeGiveNoRoles() {
		assertThat(ZitadelRoles.fromClaims(Map.of("urn:zitadel:iam:org:project:roles", List.of("viewer")))
			.getGrants()).isEmpty();
	}

}
