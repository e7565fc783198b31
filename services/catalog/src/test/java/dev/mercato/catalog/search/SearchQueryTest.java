package dev.mercato.catalog.search;

import java.math.BigDecimal;

import dev.mercato.catalog.search.SearchQuery.Sort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SearchQueryTest {

	@Test
	void sortsParseAsTheApiWritesThem() {
		assertThat(Sort.parse(null)).isEqualTo(Sort.RELEVANCE);
		assertThat(Sort.parse("price,asc")).isEqualTo(Sort.PRICE_ASC);
		assertThat(Sort.parse("price, DESC")).isEqualTo(Sort.PRICE_DESC);
		assertThat(Sort.parse("createdAt,desc")).isEqualTo(Sort.NEWEST);
		assertThat(Sort.parse("name")).isEqualTo(Sort.NAME_ASC);
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> Sort.parse("price;drop"));
	}

	@Test
	void pagingAndPriceRangeAreChecked() {
		assertThat(query(null, null, 0, 20).text()).isNull();
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> query(BigDecimal.TEN, BigDecimal.ONE, 0, 20));
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> query(null, null, 0, 101));
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> query(null, null, 100, 100));
		assertThat(query(null, null, 99, 100).page()).isEqualTo(99);
	}

	private static SearchQuery query(BigDecimal min, BigDecimal max, int page, int size) {
		return new SearchQuery("  ", null, min, max, false, null, Sort.RELEVANCE, page, size, true);
	}

}
