package dev.mercato.catalog.search.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.search.ProductSearch;
import dev.mercato.catalog.search.SearchIndex;
import dev.mercato.catalog.search.SearchQuery;
import dev.mercato.catalog.search.SearchResult;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
@Validated
class SearchController {

	private final ProductSearch search;

	private final SearchIndex index;

	SearchController(ProductSearch search, SearchIndex index) {
		this.search = search;
		this.index = index;
	}

	@GetMapping
	SearchResult list(@RequestParam(required = false) @Nullable UUID category,
			@RequestParam(required = false) @DecimalMin("0") @Nullable BigDecimal minPrice,
			@RequestParam(required = false) @DecimalMin("0") @Nullable BigDecimal maxPrice,
			@RequestParam(defaultValue = "false") boolean inStock,
			@RequestParam(required = false) @Nullable UUID sellerId,
			@RequestParam(defaultValue = "createdAt,desc") String sort,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.search.search(new SearchQuery(null, category, minPrice, maxPrice, inStock, sellerId,
				SearchQuery.Sort.parse(sort), page, size, false));
	}

	@GetMapping("/search")
	SearchResult search(@RequestParam(required = false) @Size(max = 200) @Nullable String q,
			@RequestParam(required = false) @Nullable UUID category,
			@RequestParam(required = false) @DecimalMin("0") @Nullable BigDecimal minPrice,
			@RequestParam(required = false) @DecimalMin("0") @Nullable BigDecimal maxPrice,
			@RequestParam(defaultValue = "false") boolean inStock,
			@RequestParam(required = false) @Nullable UUID sellerId,
			@RequestParam(defaultValue = "relevance") String sort, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.search.search(new SearchQuery(q, category, minPrice, maxPrice, inStock, sellerId,
				SearchQuery.Sort.parse(sort), page, size, true));
	}

	@GetMapping("/suggest")
	List<String> suggest(@RequestParam @NotBlank @Size(max = 100) String q,
			@RequestParam(defaultValue = "10") @Min(1) @Max(10) int limit) {
		return this.search.suggest(q.strip(), limit);
	}

	@PostMapping("/reindex")
	SearchIndex.Rebuild reindex(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only admins rebuild the search index");
		}
		return this.index.rebuild();
	}

}
