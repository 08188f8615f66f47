package io.github.zitadelstarter.sample;

import io.github.zitadelstarter.token.ZitadelTokenException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Looks users up in ZITADEL through the starter's {@code zitadelWebClient}.
 */
@Service
public class UserDirectory {

	private final WebClient zitadel;

	public UserDirectory(@Qualifier("zitadelWebClient") WebClient zitadel) {
		this.zitadel = zitadel;
	}

	/**
	 * The display name of a user: "(unknown user)" if ZITADEL has no user with that id, an
	 * {@link UnavailableException} if ZITADEL cannot be asked.
	 */
	public Mono<String> displayName(String userId) {
		return this.zitadel.get()
			.uri("/v2/users/{userId}", userId)
			.retrieve()
			.bodyToMono(UserResponse.class)
			.map((response) -> response.user().displayName())
			.onErrorResume(WebClientResponseException.NotFound.class, (ex) -> Mono.just("(unknown user)"))
			.onErrorMap((ex) -> ex instanceof WebClientRequestException || ex instanceof ZitadelTokenException,
					(ex) -> new UnavailableException("ZITADEL cannot be reached: " + ex.getMessage(), ex));
	}

	/** ZITADEL could not be asked: unreachable, or no access token could be had. */
	public static class UnavailableException extends RuntimeException {

		UnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	record UserResponse(User user) {
	}

	record User(String username, @Nullable Human human) {

		String displayName() {
			return (this.human != null) ? this.human.profile().displayName() : this.username;
		}

	}

	record Human(Profile profile) {
	}

	record Profile(String displayName) {
	}

}
