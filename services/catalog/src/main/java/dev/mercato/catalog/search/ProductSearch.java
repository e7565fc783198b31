package dev.mercato.catalog.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.mercato.catalog.category.Category;
import dev.mercato.catalog.category.CategoryService;
import dev.mercato.catalog.category.CategoryTree;
import dev.mercato.catalog.product.Price;
import dev.mercato.catalog.product.Product;
import dev.mercato.catalog.product.ProductStatus;
import dev.mercato.catalog.product.ProductView;
import dev.mercato.platform.web.DependencyUnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.data.Range;
import org.hibernate.search.util.common.data.RangeBoundInclusion;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Full-text search, listings and suggestions over the product index. Hits are read from
 * the index (projections); the exact available units, which the index does not hold, come
 * from the replica in the database in one query per page. Results are cached by
 * normalized query until the index changes ({@link SearchResultCache}); the available
 * units are read fresh for every answer, cached or not.
 * <p>
 * Relevance: a product whose name has the words ranks above one whose description has
 * them (boost 4 against 1), a name containing the words as a phrase ranks higher still,
 * and words of four letters or more also match with one typo at a lower weight, so
 * "cofee" finds coffee while exact matches stay first.
 */
@Service
public class ProductSearch {

	private static final AggregationKey<Map<String, Long>> CATEGORY_FACET = AggregationKey.of("category");

	private static final AggregationKey<Map<Range<BigDecimal>, Long>> PRICE_FACET = AggregationKey.of("price");

	private static final List<Range<BigDecimal>> PRICE_RANGES = priceRanges(0, 10, 25, 50, 100, 250, 500);

	private static final int MIN_FUZZY_WORD = 4;

	private final EntityManagerFactory entityManagerFactory;

	private final CategoryService categories;

	private final SearchResultCache cache;

	private final JdbcTemplate jdbc;

	ProductSearch(EntityManagerFactory entityManagerFactory, CategoryService categories, SearchResultCache cache,
			JdbcTemplate jdbc) {
		this.entityManagerFactory = entityManagerFactory;
		this.categories = categories;
		this.cache = cache;
		this.jdbc = jdbc;
	}

	/**
	 * Searches (with words) or lists (without) active products.
	 * @param query the query
	 * @return the page with facets when asked for
	 */
	public SearchResult search(SearchQuery query) {
		SearchQuery key = SearchResultCache.normalize(query);
		SearchResult result = this.cache.get(key);
		if (result == null) {
			long generation = this.cache.generation();
			result = searchIndex(key);
			this.cache.put(key, generation, result);
		}
		return withAvailability(result);
	}

	private SearchResult searchIndex(SearchQuery query) {
		CategoryTree tree = this.categories.tree();
		// A session of its own: reading projections from the index needs no transaction
		// and
		// no JDBC connection.
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			SearchSession session = Search.session(entityManager);
			var step = session.search(Product.class).select(ProductHit.class).where((f, root) -> {
				root.add(f.match().field("status").matching(ProductStatus.ACTIVE).constantScore());
				if (query.text() != null) {
					root.add(text(f, query.text()));
				}
				filters(f, query).forEach(root::add);
			}).sort((f) -> sort(f, query));
			if (query.facets()) {
				step = step
					.aggregation(CATEGORY_FACET, (f) -> f.terms().field("categoryId", String.class).maxTermCount(20))
					.aggregation(PRICE_FACET, (f) -> f.range().field("price", BigDecimal.class).ranges(PRICE_RANGES));
			}
			var result = step.fetch(query.page() * query.size(), query.size());
			long total = result.total().hitCount();
			List<ProductView> content = result.hits().stream().map((hit) -> view(hit, tree)).toList();
			SearchResult.Facets facets = query.facets()
					? new SearchResult.Facets(categoryFacet(result.aggregation(CATEGORY_FACET), tree),
							priceFacet(result.aggregation(PRICE_FACET)))
					: null;
			int totalPages = (int) ((total + query.size() - 1) / query.size());
			return new SearchResult(content, query.page(), query.size(), total, totalPages, facets);
		}
	}

	// The replica's exact units of the page's products (the index only knows in stock or
	// not): one primary-key query per page.
	private SearchResult withAvailability(SearchResult result) {
		if (result.items().isEmpty()) {
			return result;
		}
		UUID[] ids = result.items().stream().map(ProductView::id).toArray(UUID[]::new);
		Map<UUID, Integer> available = new HashMap<>();
		try {
			this.jdbc.query("select id, available from products where id = any(?)",
					(statement) -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids)),
					(row) -> {
						int units = row.getInt(2);
						if (!row.wasNull()) {
							available.put(row.getObject(1, UUID.class), units);
						}
					});
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException ex) {
			throw new DependencyUnavailableException("CATALOG_DATABASE_UNAVAILABLE",
					"The catalog cannot read stock levels right now; try again shortly", ex);
		}
		List<ProductView> items = new ArrayList<>(result.items().size());
		for (ProductView item : result.items()) {
			items.add(new ProductView(item.id(), item.sku(), item.name(), item.description(), item.price(),
					item.category(), item.imageUrl(), item.sellerId(), available.get(item.id()), item.status(),
					item.createdAt(), item.updatedAt()));
		}
		return new SearchResult(items, result.page(), result.size(), result.total(), result.totalPages(),
				result.facets());
	}

	/**
	 * Completions of what a user is typing: names of active products with words starting
	 * with every word typed.
	 * @param prefix what was typed
	 * @param limit at most this many
	 * @return distinct product names, best match first
	 */
	public List<String> suggest(String prefix, int limit) {
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			List<String> names = Search.session(entityManager)
				.search(Product.class)
				.select((f) -> f.field("name", String.class))
				.where((f, root) -> {
					root.add(f.match().field("status").matching(ProductStatus.ACTIVE).constantScore());
					root.add(f.match().field("nameSuggest").matching(prefix).minimumShouldMatchPercent(100));
				})
				.sort((f) -> f.score().then().field("nameSort"))
				.fetchHits(limit * 4);
			Set<String> distinct = new LinkedHashSet<>();
			for (String name : names) {
				if (distinct.size() == limit) {
					break;
				}
				distinct.add(name);
			}
			return List.copyOf(distinct);
		}
	}

	private static SearchPredicate text(SearchPredicateFactory f, String text) {
		List<String> longWords = Arrays.stream(text.split("\\s+"))
			.filter((word) -> word.length() >= MIN_FUZZY_WORD)
			.toList();
		return f.bool((b) -> {
			b.should(f.match().field("name").boost(4f).field("description").matching(text));
			b.should(f.phrase().field("name").matching(text).boost(6f));
			if (!longWords.isEmpty()) {
				b.should(f.match()
					.field("name")
					.boost(1f)
					.field("description")
					.boost(0.25f)
					.matching(String.join(" ", longWords))
					.fuzzy(1, 1));
			}
		}).toPredicate();
	}

	private static List<SearchPredicate> filters(SearchPredicateFactory f, SearchQuery query) {
		List<SearchPredicate> filters = new ArrayList<>();
		if (query.categoryId() != null) {
			filters.add(f.match()
				.field("categoryIds")
				.matching(query.categoryId().toString())
				.constantScore()
				.toPredicate());
		}
		if (query.minPrice() != null || query.maxPrice() != null) {
			Range<BigDecimal> range = Range.between(query.minPrice(), RangeBoundInclusion.INCLUDED, query.maxPrice(),
					RangeBoundInclusion.INCLUDED);
			filters.add(f.range().field("price").within(range).constantScore().toPredicate());
		}
		if (query.inStock()) {
			filters.add(f.match().field("inStock").matching(true).constantScore().toPredicate());
		}
		if (query.sellerId() != null) {
			filters.add(f.match().field("sellerId").matching(query.sellerId()).constantScore().toPredicate());
		}
		return filters;
	}

	private static SortFinalStep sort(SearchSortFactory f, SearchQuery query) {
		return switch (query.sort()) {
			case RELEVANCE -> (query.text() != null) ? f.score().then().field("nameSort")
					: f.field("createdAt").desc().then().field("nameSort");
			case PRICE_ASC -> f.field("price").asc().then().field("nameSort");
			case PRICE_DESC -> f.field("price").desc().then().field("nameSort");
			case NAME_ASC -> f.field("nameSort").asc().then().field("createdAt").desc();
			case NAME_DESC -> f.field("nameSort").desc().then().field("createdAt").desc();
			case NEWEST -> f.field("createdAt").desc().then().field("nameSort");
			case OLDEST -> f.field("createdAt").asc().then().field("nameSort");
		};
	}

	private static ProductView view(ProductHit hit, CategoryTree tree) {
		UUID categoryId = UUID.fromString(hit.categoryId());
		List<String> path = tree.pathNames(categoryId);
		String categoryName = path.isEmpty() ? "" : path.getLast();
		String image = (hit.imageUrl() != null) ? hit.imageUrl() : ProductView.placeholderImage(hit.id());
		return new ProductView(hit.id(), hit.sku(), hit.name(), hit.description(),
				Price.of(hit.price(), hit.currency()), new ProductView.CategoryRef(categoryId, categoryName, path),
				image, hit.sellerId(), null, ProductStatus.ACTIVE, hit.createdAt(), hit.updatedAt());
	}

	private static List<SearchResult.CategoryCount> categoryFacet(Map<String, Long> counts, CategoryTree tree) {
		return counts.entrySet().stream().filter((entry) -> entry.getValue() > 0).map((entry) -> {
			UUID id = UUID.fromString(entry.getKey());
			List<String> path = tree.pathNames(id);
			String name = tree.find(id).map(Category::getName).orElse("");
			return new SearchResult.CategoryCount(id, name, path, entry.getValue());
		}).collect(Collectors.toList());
	}

	private static List<SearchResult.PriceCount> priceFacet(Map<Range<BigDecimal>, Long> counts) {
		List<SearchResult.PriceCount> facet = new ArrayList<>();
		counts.forEach((range, count) -> {
			if (count > 0) {
				facet.add(new SearchResult.PriceCount(range.lowerBoundValue().orElse(BigDecimal.ZERO),
						range.upperBoundValue().orElse(null), count));
			}
		});
		return facet;
	}

	private static List<Range<BigDecimal>> priceRanges(int... bounds) {
		List<Range<BigDecimal>> ranges = new ArrayList<>();
		for (int i = 0; i < bounds.length; i++) {
			BigDecimal from = BigDecimal.valueOf(bounds[i]);
			ranges.add((i + 1 < bounds.length) ? Range.canonical(from, BigDecimal.valueOf(bounds[i + 1]))
					: Range.atLeast(from));
		}
		return List.copyOf(ranges);
	}

}
