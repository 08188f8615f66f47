package io.github.zitadelstarter.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Paging through a list RPC, against a list of 250 results that answers as ZITADEL's list
 * RPCs do (a page of at most {@code limit} results from {@code offset}, and the total).
 */
class ZitadelPagesTests {

	private final List<Long> results = LongStream.range(0, 250).boxed().toList();

	private final List<String> fetched = new ArrayList<>();

	private Page fetch(long offset, int limit) {
		this.fetched.add(offset + "+" + limit);
		List<Long> page = this.results.subList((int) Math.min(offset, this.results.size()),
				(int) Math.min(offset + limit, this.results.size()));
		return new Page(page, this.results.size());
	}

	record Page(List<Long> items, long totalResult) {
	}

	@Test
	void streamsAllResultsPageByPage() {
		assertThat(ZitadelPages.stream(100, this::fetch, Page::items, Page::totalResult)).isEqualTo(this.results);
		assertThat(this.fetched).containsExactly("0+100", "100+100", "200+100");
	}

	@Test
	void fetchesOnlyThePagesTheCallerConsumes() {
		assertThat(ZitadelPages.stream(100, this::fetch, Page::items, Page::totalResult).limit(150)).hasSize(150);
		assertThat(this.fetched).containsExactly("0+100", "100+100");
	}

	@Test
	void stopsAtAnEmptyPageWhateverTheTotalSays() {
		// Results deleted while paging: the total still counts them.
		assertThat(ZitadelPages.stream(100, (offset, limit) -> new Page(List.of(), 1000), Page::items,
				Page::totalResult)).isEmpty();
	}

	@Test
	void stopsWhenAFullPageReachesTheTotal() {
		assertThat(ZitadelPages.stream(125, this::fetch, Page::items, Page::totalResult)).hasSize(250);
		assertThat(this.fetched).containsExactly("0+125", "125+125");
	}

	@Test
	void fluxesAllResultsPageByPageOnDemand() {
		StepVerifier.create(ReactiveZitadelPages.flux(100, (offset, limit) -> Mono.fromCallable(() -> fetch(offset, limit)),
				Page::items, Page::totalResult))
			.expectNextSequence(this.results)
			.verifyComplete();
		assertThat(this.fetched).containsExactly("0+100", "100+100", "200+100");
		this.fetched.clear();

		StepVerifier.create(ReactiveZitadelPages
			.flux(100, (offset, limit) -> Mono.fromCallable(() -> fetch(offset, limit)), Page::items,
					Page::totalResult)
			.take(50))
			.expectNextCount(50)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		// At most one page ahead of what was consumed.
		assertThat(this.fetched).hasSizeLessThanOrEqualTo(2).startsWith("0+100");
	}

	@Test
	void refusesAPageSizeZitadelWouldNotAnswer() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZitadelPages.stream(1001, this::fetch, Page::items, Page::totalResult))
			.withMessage("pageSize must be between 1 and 1000, was 1001");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReactiveZitadelPages.flux(0, (offset, limit) -> Mono.empty(), Page::items,
					Page::totalResult))
			.withMessage("pageSize must be between 1 and 1000, was 0");
	}

}
