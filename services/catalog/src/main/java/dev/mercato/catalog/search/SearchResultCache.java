package dev.mercato.catalog.search;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mercato.catalog.CatalogProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.engine.backend.work.execution.OperationSubmitter;
import org.hibernate.search.engine.reporting.FailureHandler;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Search results by normalized query, in process memory (bounded by the hits they hold,
 * least recently and frequently used evicted first). Valid only for the index state they
 * were computed on: every change that reaches this instance's index (a product created,
 * updated or archived, an in-stock flip, a rebuild) advances a generation once the change
 * is searchable, and an entry of an older generation is never served.
 * <p>
 * Why this is safe: a search notes the generation <em>before</em> it reads the index and
 * its result is kept only under that generation. Writers advance the generation only
 * after their change is visible to searches (the indexing future has completed, which for
 * {@code read-sync} is before the request returns). So a result computed before a change
 * carries an older generation than any lookup made after it. While a rebuild runs nothing
 * is cached.
 */
@Component
public class SearchResultCache {

	private final @Nullable Cache<SearchQuery, Entry> entries;

	private final AtomicLong generation = new AtomicLong();

	private final AtomicInteger rebuilding = new AtomicInteger();

	private final Counter hits;

	private final Counter misses;

	SearchResultCache(CatalogProperties properties, MeterRegistry meters) {
		// bounded by hits, not entries: a page of 100 hits weighs five pages of 20
		int maxHits = properties.searchCache().maxHits();
		this.entries = (maxHits > 0) ? Caffeine.newBuilder()
			.maximumWeight(maxHits)
			.weigher((SearchQuery query, Entry entry) -> 1 + entry.result().items().size())
			.executor(Runnable::run) // evictions on the caller's thread, not the common
										// pool
			.build() : null;
		this.hits = Counter.builder("mercato.catalog.search.cache").tag("result", "hit").register(meters);
		this.misses = Counter.builder("mercato.catalog.search.cache").tag("result", "miss").register(meters);
	}

	/**
	 * The key of a query: the same query with its words lower-cased and single-spaced
	 * (the analyzers ignore case and spacing, so the answer is the same).
	 * @param query the query
	 * @return the normalized query
	 */
	static SearchQuery normalize(SearchQuery query) {
		String text = query.text();
		if (text == null) {
			return query;
		}
		String normalized = collapseSpaces(text.toLowerCase(Locale.ROOT));
		return normalized.equals(text) ? query
				: new SearchQuery(normalized, query.categoryId(), query.minPrice(), query.maxPrice(), query.inStock(),
						query.sellerId(), query.sort(), query.page(), query.size(), query.facets());
	}

	// (no regular expression: this runs for every search)
	private static String collapseSpaces(String text) {
		StringBuilder collapsed = null;
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean isSpace = Character.isWhitespace(c);
			if (collapsed == null && (isSpace && (space || c != ' '))) {
				collapsed = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (collapsed != null && !(isSpace && space)) {
				collapsed.append(isSpace ? ' ' : c);
			}
			space = isSpace;
		}
		return (collapsed != null) ? collapsed.toString() : text;
	}

	/**
	 * The generation to note before reading the index.
	 * @return the current generation
	 */
	long generation() {
		return this.generation.get();
	}

	/**
	 * A cached result of the current index state.
	 * @param query a normalized query
	 * @return the result, or {@code null}
	 */
	@Nullable SearchResult get(SearchQuery query) {
		if (this.entries == null) {
			return null;
		}
		Entry entry = this.entries.getIfPresent(query);
		if (entry != null && entry.generation() == this.generation.get()) {
			this.hits.increment();
			return entry.result();
		}
		this.misses.increment();
		return null;
	}

	/**
	 * Keeps a result computed on the index of a generation, unless the index has changed
	 * since or is being rebuilt.
	 * @param query a normalized query
	 * @param generation the generation noted before the index was read
	 * @param result the result
	 */
	void put(SearchQuery query, long generation, SearchResult result) {
		if (this.entries != null && this.rebuilding.get() == 0 && generation == this.generation.get()) {
			this.entries.put(query, new Entry(generation, result));
		}
	}

	/**
	 * Marks the index as changed: no result computed before is served again.
	 */
	public void indexChanged() {
		this.generation.incrementAndGet();
		if (this.entries != null) {
			this.entries.invalidateAll();
		}
	}

	void rebuildStarted() {
		this.rebuilding.incrementAndGet();
		indexChanged();
	}

	void rebuildFinished() {
		this.rebuilding.decrementAndGet();
		indexChanged();
	}

	/**
	 * Hibernate Search's {@code read-sync} (a change is searchable when the transaction
	 * returns) that marks the index changed once it is.
	 * @return the strategy for a session that changes products
	 */
	public IndexingPlanSynchronizationStrategy readSync() {
		return tracking(IndexingPlanSynchronizationStrategy.readSync());
	}

	/**
	 * Hibernate Search's {@code async} (the transaction does not wait for the index) that
	 * marks the index changed when the change has been applied.
	 * @return the strategy for a session that flips the in-stock flag
	 */
	public IndexingPlanSynchronizationStrategy async() {
		return tracking(IndexingPlanSynchronizationStrategy.async());
	}

	private IndexingPlanSynchronizationStrategy tracking(IndexingPlanSynchronizationStrategy strategy) {
		return (context) -> strategy.apply(new Tracking(context));
	}

	/**
	 * The wrapped strategy's settings, with the generation advanced when indexing ends.
	 */
	private final class Tracking implements IndexingPlanSynchronizationStrategyConfigurationContext {

		private final IndexingPlanSynchronizationStrategyConfigurationContext context;

		Tracking(IndexingPlanSynchronizationStrategyConfigurationContext context) {
			this.context = context;
		}

		@Override
		public void documentCommitStrategy(DocumentCommitStrategy strategy) {
			this.context.documentCommitStrategy(strategy);
		}

		@Override
		public void documentRefreshStrategy(DocumentRefreshStrategy strategy) {
			this.context.documentRefreshStrategy(strategy);
		}

		@Override
		public void indexingFutureHandler(
				Consumer<? super CompletableFuture<? extends SearchIndexingPlanExecutionReport>> handler) {
			this.context.indexingFutureHandler((future) -> {
				// the wrapped handler (read-sync joins it) sees the future that completes
				// only after the generation moved on
				CompletableFuture<? extends SearchIndexingPlanExecutionReport> marked = future
					.whenComplete((report, failure) -> indexChanged());
				handler.accept(marked);
			});
		}

		@Override
		public FailureHandler failureHandler() {
			return this.context.failureHandler();
		}

		@Override
		public void operationSubmitter(OperationSubmitter submitter) {
			this.context.operationSubmitter(submitter);
		}

	}

	private record Entry(long generation, SearchResult result) {

	}

}
