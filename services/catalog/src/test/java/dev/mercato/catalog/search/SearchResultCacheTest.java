package dev.mercato.catalog.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.mercato.catalog.CatalogProperties;
import dev.mercato.catalog.product.Price;
import dev.mercato.catalog.product.ProductStatus;
import dev.mercato.catalog.product.ProductView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.engine.backend.work.execution.OperationSubmitter;
import org.hibernate.search.engine.common.EntityReference;
import org.hibernate.search.engine.reporting.FailureHandler;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchResultCacheTest {

	final SearchResultCache cache = new SearchResultCache(
			new CatalogProperties(null, null, null, new CatalogProperties.SearchCache(10), true),
			new SimpleMeterRegistry());

	static final SearchIndexingPlanExecutionReport SUCCESS = new SearchIndexingPlanExecutionReport() {

		@Override
		public Optional<Throwable> throwable() {
			return Optional.empty();
		}

		@Override
		public List<? extends EntityReference> failingEntities() {
			return List.of();
		}

	};

	final SearchQuery coffee = query("coffee");

	final SearchResult result = new SearchResult(List.of(), 0, 20, 0, 0, null);

	@Test
	void aResultIsServedUntilTheIndexChanges() {
		this.cache.put(this.coffee, this.cache.generation(), this.result);
		assertThat(this.cache.get(this.coffee)).isSameAs(this.result);

		this.cache.indexChanged();

		assertThat(this.cache.get(this.coffee)).isNull();
	}

	@Test
	void aResultComputedBeforeAChangeIsNotKept() {
		long before = this.cache.generation();
		this.cache.indexChanged(); // while the search read the index
		this.cache.put(this.coffee, before, this.result);

		assertThat(this.cache.get(this.coffee)).isNull();
	}

	@Test
	void nothingIsCachedDuringARebuild() {
		this.cache.rebuildStarted();
		this.cache.put(this.coffee, this.cache.generation(), this.result);
		assertThat(this.cache.get(this.coffee)).isNull();
		this.cache.rebuildFinished();
		this.cache.put(this.coffee, this.cache.generation(), this.result);
		assertThat(this.cache.get(this.coffee)).isSameAs(this.result);
	}

	@Test
	void theCacheIsBoundedByTheHitsItHolds() {
		ProductView hit = new ProductView(UUID.randomUUID(), "SKU-1", "Kenya AA", "Bright.", new Price("9.99", "USD"),
				new ProductView.CategoryRef(UUID.randomUUID(), "Coffee", List.of("Coffee")), "/img", UUID.randomUUID(),
				null, ProductStatus.ACTIVE, Instant.EPOCH, Instant.EPOCH);
		SearchResult small = new SearchResult(List.of(hit, hit, hit), 0, 3, 3, 1, null);
		SearchResult large = new SearchResult(List.of(hit, hit, hit, hit, hit, hit, hit, hit, hit, hit), 0, 10, 10, 1,
				null);
		this.cache.put(this.coffee, this.cache.generation(), small);
		assertThat(this.cache.get(this.coffee)).isSameAs(small);

		// 11 hits (with the entry's own weight of 1) exceed the 10 this cache holds
		SearchQuery tea = query("tea");
		this.cache.put(tea, this.cache.generation(), large);
		assertThat(this.cache.get(tea)).isNull();
	}

	@Test
	void queriesDifferingInCaseAndSpacingShareAnEntry() {
		assertThat(SearchResultCache.normalize(query("  Espresso   MACHINE ")))
			.isEqualTo(SearchResultCache.normalize(query("espresso machine")));
		assertThat(SearchResultCache.normalize(query("espresso machine"))).isNotEqualTo(query("espresso"));
	}

	@Test
	void readSyncMovesTheGenerationOnBeforeTheWriterReturns() {
		long before = this.cache.generation();
		AtomicReference<Consumer<? super CompletableFuture<? extends SearchIndexingPlanExecutionReport>>> handler = new AtomicReference<>();
		AtomicReference<DocumentRefreshStrategy> refresh = new AtomicReference<>();
		this.cache.readSync().apply(context(handler, refresh));
		assertThat(refresh.get()).isEqualTo(DocumentRefreshStrategy.FORCE);

		CompletableFuture<SearchIndexingPlanExecutionReport> indexing = new CompletableFuture<>();
		CompletableFuture.runAsync(() -> indexing.complete(SUCCESS));
		handler.get().accept(indexing); // read-sync waits for the indexing here

		assertThat(this.cache.generation()).isGreaterThan(before);
	}

	@Test
	void asyncMovesTheGenerationOnWhenTheIndexingEnds() {
		long before = this.cache.generation();
		AtomicReference<Consumer<? super CompletableFuture<? extends SearchIndexingPlanExecutionReport>>> handler = new AtomicReference<>();
		this.cache.async().apply(context(handler, new AtomicReference<>()));
		CompletableFuture<SearchIndexingPlanExecutionReport> indexing = new CompletableFuture<>();

		handler.get().accept(indexing);
		assertThat(this.cache.generation()).isEqualTo(before);
		indexing.complete(SUCCESS);
		assertThat(this.cache.generation()).isGreaterThan(before);
	}

	private static SearchQuery query(String text) {
		return new SearchQuery(text, UUID.fromString("00000000-0000-0000-0000-000000000001"), null, null, false, null,
				SearchQuery.Sort.RELEVANCE, 0, 20, true);
	}

	private static IndexingPlanSynchronizationStrategyConfigurationContext context(
			AtomicReference<Consumer<? super CompletableFuture<? extends SearchIndexingPlanExecutionReport>>> handler,
			AtomicReference<DocumentRefreshStrategy> refresh) {
		return new IndexingPlanSynchronizationStrategyConfigurationContext() {

			@Override
			public void documentCommitStrategy(DocumentCommitStrategy strategy) {
			}

			@Override
			public void documentRefreshStrategy(DocumentRefreshStrategy strategy) {
				refresh.set(strategy);
			}

			@Override
			public void indexingFutureHandler(
					Consumer<? super CompletableFuture<? extends SearchIndexingPlanExecutionReport>> futureHandler) {
				handler.set(futureHandler);
			}

			@Override
			public FailureHandler failureHandler() {
				return null;
			}

			@Override
			public void operationSubmitter(OperationSubmitter submitter) {
			}

		};
	}

}
