package io.github.zitadelstarter.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * All results of a list RPC as a {@link Flux}, fetched page by page on demand: at most one
 * page ahead of what the subscriber has consumed, so {@code take(n)} stops the fetching too.
 */
public final class ReactiveZitadelPages {

	private ReactiveZitadelPages() {
	}

	/**
	 * Fetches one page.
	 *
	 * @param <P> the list RPC's response
	 */
	@FunctionalInterface
	public interface ReactivePageFetcher<P> {

		/**
		 * Fetches the page that starts at an offset.
		 * @param offset the number of results before the page
		 * @param limit the page size
		 * @return the list RPC's response
		 */
		Mono<P> fetch(long offset, int limit);

	}

	/**
	 * All results, page by page.
	 * @param <P> the list RPC's response
	 * @param <T> a result
	 * @param pageSize the page size, from 1 to {@value ZitadelPages#MAX_PAGE_SIZE}
	 * @param fetcher fetches a page
	 * @param items the results of a page
	 * @param totalResult the number of results of all pages together, as a page reports it
	 * @return the results
	 */
	public static <P, T> Flux<T> flux(int pageSize, ReactivePageFetcher<P> fetcher, Function<P, List<T>> items,
			ToLongFunction<P> totalResult) {
		ZitadelPages.requireValid(pageSize);
		return page(0, pageSize, fetcher, items, totalResult)
			.expand((page) -> page.last() ? Mono.empty() : page(page.next(), pageSize, fetcher, items, totalResult))
			.concatMapIterable(Page::results, 1);
	}

	private static <P, T> Mono<Page<T>> page(long offset, int pageSize, ReactivePageFetcher<P> fetcher,
			Function<P, List<T>> items, ToLongFunction<P> totalResult) {
		return Mono.defer(() -> fetcher.fetch(offset, pageSize)).map((response) -> {
			List<T> results = items.apply(response);
			long next = offset + results.size();
			return new Page<>(results, next,
					ZitadelPages.isLast(results.size(), pageSize, next, totalResult.applyAsLong(response)));
		});
	}

	private record Page<T>(List<T> results, long next, boolean last) {
	}

}
