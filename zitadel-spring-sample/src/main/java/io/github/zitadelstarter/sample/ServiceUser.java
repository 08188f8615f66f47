package io.github.zitadelstarter.sample;

import io.github.zitadelstarter.api.organization.ListOrganizationsRequest;
import io.github.zitadelstarter.api.organization.ListOrganizationsResponse;
import io.github.zitadelstarter.api.organization.Organization;
import io.github.zitadelstarter.api.organization.ReactiveOrganizationServiceClient;
import io.github.zitadelstarter.api.organization.SearchQuery;
import io.github.zitadelstarter.api.user.GetUserByIDRequest;
import io.github.zitadelstarter.api.user.ReactiveUserServiceClient;
import io.github.zitadelstarter.api.user.User;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The service user this application calls ZITADEL as, and its organization. ZITADEL's v2
 * services have no "me": OpenID Connect's userinfo names the token's user, the typed clients
 * tell the rest.
 */
@Component
class ServiceUser {

	private final WebClient zitadel;

	private final ReactiveUserServiceClient users;

	private final ReactiveOrganizationServiceClient organizations;

	ServiceUser(@Qualifier("zitadelWebClient") WebClient zitadel, ReactiveUserServiceClient users,
			ReactiveOrganizationServiceClient organizations) {
		this.zitadel = zitadel;
		this.users = users;
		this.organizations = organizations;
	}

	Mono<User> user() {
		return this.zitadel.get()
			.uri("/oidc/v1/userinfo")
			.retrieve()
			.bodyToMono(UserInfo.class)
			.flatMap((userInfo) -> this.users.getUserByID(GetUserByIDRequest.of(userInfo.sub())))
			.mapNotNull((response) -> response.user());
	}

	Mono<Organization> organization() {
		return user().mapNotNull((user) -> (user.details() != null) ? user.details().resourceOwner() : null)
			.flatMap((organizationId) -> this.organizations
				.listOrganizations(ListOrganizationsRequest.of(SearchQuery.id(organizationId))))
			.flatMapIterable(ListOrganizationsResponse::result)
			.next();
	}

	/** The claim of OpenID Connect's userinfo this application reads. */
	record UserInfo(String sub) {
	}

}
