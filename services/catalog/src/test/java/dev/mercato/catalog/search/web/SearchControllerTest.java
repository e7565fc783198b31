package dev.mercato.catalog.search.web;

import java.math.BigDecimal;
import java.util.List;

import dev.mercato.catalog.search.ProductSearch;
import dev.mercato.catalog.search.SearchIndex;
import dev.mercato.catalog.search.SearchQuery;
import dev.mercato.catalog.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search endpoints' parameters: what reaches the search and which requests are
 * problems before any search runs (security filters are not part of this slice).
 */
@WebMvcTest(SearchController.class)
@AutoConfigureMockMvc(addFilters = false)
class SearchControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProductSearch search;

	@MockitoBean
	SearchIndex index;

	@Test
	void parametersBecomeTheQuery() throws Exception {
		given(this.search.search(any())).willReturn(new SearchResult(List.of(), 1, 5, 0, 0, null));

		this.mvc
			.perform(get("/api/products/search").param("q", " coffee ")
				.param("minPrice", "10")
				.param("maxPrice", "20.5")
				.param("inStock", "true")
				.param("sort", "price,desc")
				.param("page", "1")
				.param("size", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1));

		ArgumentCaptor<SearchQuery> query = ArgumentCaptor.forClass(SearchQuery.class);
		then(this.search).should().search(query.capture());
		assertThat(query.getValue().text()).isEqualTo("coffee");
		assertThat(query.getValue().minPrice()).isEqualByComparingTo(BigDecimal.TEN);
		assertThat(query.getValue().maxPrice()).isEqualByComparingTo("20.5");
		assertThat(query.getValue().inStock()).isTrue();
		assertThat(query.getValue().sort()).isEqualTo(SearchQuery.Sort.PRICE_DESC);
		assertThat(query.getValue().facets()).isTrue();
	}

	@Test
	void badParametersAreProblemsAndNoSearchRuns() throws Exception {
		this.mvc.perform(get("/api/products/search").param("sort", "bogus"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("INVALID_SEARCH"));
		this.mvc.perform(get("/api/products/search").param("size", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		this.mvc.perform(get("/api/products").param("category", "coffee"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
		this.mvc.perform(get("/api/products/suggest").param("q", " "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		then(this.search).should(never()).search(any());
		then(this.search).should(never()).suggest(any(), org.mockito.ArgumentMatchers.anyInt());
	}

}
