package io.github.zitadelstarter.api;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

/**
 * All results of a list RPC, fetched page by page as the caller consumes them. A page is
 * fetched only when the previous one is used up, so {@code limit()} or {@code findFirst()}
 * on the stream stops the fetching too.
 */
public final class ZitadelPages {

	/** The page size of the {@code listAll...} methods. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** The largest page ZITADEL answers by default ({@code MaxQueryLimit}). */
	public static final int MAX_PAGE_SIZE = 1000;

	private ZitadelPages() {
	}

	/**
	 * Fetches one page.
	 *
	 * @param <P> the list RPC's response
	 */
	@FunctionalInterface
	public interface PageFetcher<P> {

		/**
		 * Fetches the page that starts at an offset.
		 * @param offset the number of results before the page
		 * @param limit the page size
		 * @return the list RPC's response
		 */
		P fetch(long offset, int limit);

	}

	/**
	 * All results, page by page.
	 * @param <P> the list RPC's response
	 * @param <T> a result
	 * @param pageSize the page size, from 1 to {@value #MAX_PAGE_SIZE}
	 * @param fetcher fetches a page
	 * @param items the results of a page
	 * @param totalResult the number of results of all pages together, as a page reports it
	 * @return the results, fetched lazily
	 */
	public static <P, T> Stream<T> stream(int pageSize, PageFetcher<P> fetcher, Function<P, List<T>> items,
			ToLongFunction<P> totalResult) {
		requireValid(pageSize);
		Iterator<T> iterator = new Iterator<>() {

			private long offset;

			private @Nullable Iterator<T> page;

			private boolean last;

			@Override
			public boolean hasNext() {
				while (this.page == null || !this.page.hasNext()) {
					if (this.last) {
						return false;
					}
					P response = fetcher.fetch(this.offset, pageSize);
					List<T> results = items.apply(response);
					this.offset += results.size();
					this.last = isLast(results.size(), pageSize, this.offset, totalResult.applyAsLong(response));
					this.page = results.iterator();
				}
				return true;
			}

			@Override
			public T next() {
				if (!hasNext() || this.page == null) {
					throw new NoSuchElementException();
				}
				return this.page.next();
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
	}

	/**
	 * Whether a page was the last: a short or empty page, or the total reached. An empty page
	 * ends it even if the total says otherwise (results deleted while paging), so that paging
	 * always ends.
	 */
	static boolean isLast(int pageResults, int pageSize, long fetched, long totalResult) {
		return pageResults == 0 || pageResults < pageSize || fetched >= totalResult;
	}

	static void requireValid(int pageSize) {
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException(
					"pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
		}
	}

}
