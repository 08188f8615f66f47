package io.github.zitadelstarter.api.organization;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.github.zitadelstarter.api.ReactiveZitadelPages;
import io.github.zitadelstarter.api.RequiredPermission;
import io.github.zitadelstarter.api.ZitadelPages;
import io.github.zitadelstarter.api.metadata.Metadata;

/**
 * The reactive client of ZITADEL's organization service
 * ({@code zitadel.org.v2.OrganizationService}): organizations, their state and metadata.
 * Every method returns a {@link Mono} and never blocks.
 */
@HttpExchange(url = "/zitadel.org.v2.OrganizationService", contentType = MediaType.APPLICATION_JSON_VALUE,
		accept = MediaType.APPLICATION_JSON_VALUE)
public interface ReactiveOrganizationServiceClient {

	/**
	 * Creates an organization, optionally with admins (ORG_OWNER unless other roles are given).
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/AddOrganization")
	@RequiredPermission("org.create")
	Mono<AddOrganizationResponse> addOrganization(@RequestBody AddOrganizationRequest request);

	/**
	 * Renames an organization; its default domain, and the login names using it, change too.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UpdateOrganization")
	@RequiredPermission("org.write")
	Mono<UpdateOrganizationResponse> updateOrganization(@RequestBody UpdateOrganizationRequest request);

	/**
	 * Lists one page of the organizations matching the request's queries that the caller may
	 * read. Set a limit and a sorting for stable pages, or use {@link #listAllOrganizations}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListOrganizations")
	@RequiredPermission("org.read")
	Mono<ListOrganizationsResponse> listOrganizations(@RequestBody ListOrganizationsRequest request);

	/**
	 * Deletes an organization with its users, projects and grants.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeleteOrganization")
	@RequiredPermission("org.delete")
	Mono<DeleteOrganizationResponse> deleteOrganization(@RequestBody DeleteOrganizationRequest request);

	/**
	 * Deactivates an organization, whose users can then not log in.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeactivateOrganization")
	@RequiredPermission("org.write")
	Mono<DeactivateOrganizationResponse> deactivateOrganization(@RequestBody DeactivateOrganizationRequest request);

	/**
	 * Activates a deactivated organization.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ActivateOrganization")
	@RequiredPermission("org.write")
	Mono<ActivateOrganizationResponse> activateOrganization(@RequestBody ActivateOrganizationRequest request);

	/**
	 * Sets metadata entries of an organization; an empty value deletes an entry, other entries
	 * stay.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/SetOrganizationMetadata")
	@RequiredPermission("org.write")
	Mono<SetOrganizationMetadataResponse> setOrganizationMetadata(@RequestBody SetOrganizationMetadataRequest request);

	/**
	 * Lists one page of an organization's metadata.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListOrganizationMetadata")
	@RequiredPermission("org.read")
	Mono<ListOrganizationMetadataResponse> listOrganizationMetadata(
			@RequestBody ListOrganizationMetadataRequest request);

	/**
	 * Deletes metadata entries of an organization by key.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeleteOrganizationMetadata")
	@RequiredPermission("org.write")
	Mono<DeleteOrganizationMetadataResponse> deleteOrganizationMetadata(
			@RequestBody DeleteOrganizationMetadataRequest request);

	/**
	 * All organizations matching the request's queries, fetched page by page.
	 * @param request the request; its pagination is replaced page by page
	 * @return the results, fetched on demand
	 */
	default Flux<Organization> listAllOrganizations(ListOrganizationsRequest request) {
		return ReactiveZitadelPages.flux(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listOrganizations(request.withPagination(offset, limit)),
				ListOrganizationsResponse::result, ListOrganizationsResponse::totalResult);
	}

	/**
	 * All metadata entries of an organization matching the request's filters, fetched page by
	 * page.
	 * @param request the request; its pagination is replaced page by page
	 * @return the results, fetched on demand
	 */
	default Flux<Metadata> listAllOrganizationMetadata(ListOrganizationMetadataRequest request) {
		return ReactiveZitadelPages.flux(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listOrganizationMetadata(request.withPagination(offset, limit)),
				ListOrganizationMetadataResponse::metadata, ListOrganizationMetadataResponse::totalResult);
	}

}
