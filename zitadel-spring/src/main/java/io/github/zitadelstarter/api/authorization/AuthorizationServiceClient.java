package io.github.zitadelstarter.api.authorization;

import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.github.zitadelstarter.api.RequiredPermission;
import io.github.zitadelstarter.api.ZitadelPages;

/**
 * ZITADEL's authorization service ({@code zitadel.authorization.v2.AuthorizationService}):
 * role assignments of users in projects (not OAuth authorization). Errors arrive as
 * {@link io.github.zitadelstarter.api.ZitadelApiException}.
 */
@HttpExchange(url = "/zitadel.authorization.v2.AuthorizationService",
		contentType = MediaType.APPLICATION_JSON_VALUE, accept = MediaType.APPLICATION_JSON_VALUE)
public interface AuthorizationServiceClient {

	/**
	 * Grants a user roles of a project owned by or granted to the organization.
	 * Required permission: {@code user.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/CreateAuthorization")
	@RequiredPermission("user.grant.write")
	CreateAuthorizationResponse createAuthorization(@RequestBody CreateAuthorizationRequest request);

	/**
	 * One page of the authorizations matching the request's filters.
	 * Required permission: {@code user.grant.read}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListAuthorizations")
	@RequiredPermission("user.grant.read")
	ListAuthorizationsResponse listAuthorizations(@RequestBody ListAuthorizationsRequest request);

	/**
	 * Sets an authorization's roles; roles it had that are not listed are revoked.
	 * Required permission: {@code user.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UpdateAuthorization")
	@RequiredPermission("user.grant.write")
	UpdateAuthorizationResponse updateAuthorization(@RequestBody UpdateAuthorizationRequest request);

	/**
	 * Activates an inactive authorization; an active one stays as it is.
	 * Required permission: {@code user.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ActivateAuthorization")
	@RequiredPermission("user.grant.write")
	ActivateAuthorizationResponse activateAuthorization(@RequestBody ActivateAuthorizationRequest request);

	/**
	 * Deactivates an authorization; an inactive one stays as it is.
	 * Required permission: {@code user.grant.write}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeactivateAuthorization")
	@RequiredPermission("user.grant.write")
	DeactivateAuthorizationResponse deactivateAuthorization(@RequestBody DeactivateAuthorizationRequest request);

	/**
	 * Deletes an authorization; one that does not exist counts as deleted.
	 * Required permission: {@code user.grant.delete}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeleteAuthorization")
	@RequiredPermission("user.grant.delete")
	DeleteAuthorizationResponse deleteAuthorization(@RequestBody DeleteAuthorizationRequest request);

	/**
	 * All authorizations matching the request's filters, fetched page by page
	 * ({@value ZitadelPages#DEFAULT_PAGE_SIZE} a page) as the stream is consumed.
	 * @param request the request; its pagination's order is kept, its offset and limit are not
	 * @return the matching authorizations
	 */
	default Stream<Authorization> listAllAuthorizations(ListAuthorizationsRequest request) {
		return ZitadelPages.stream(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listAuthorizations(request.withPagination(offset, limit)),
				ListAuthorizationsResponse::authorizations, ListAuthorizationsResponse::totalResult);
	}

}
