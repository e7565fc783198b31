package dev.mercato.catalog.demo;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCatalogGeneratorTest {

	final DemoCatalogGenerator generator = new DemoCatalogGenerator(20261122L);

	@Test
	void theSameSeedGivesTheSameCatalog() {
		DemoCatalogGenerator again = new DemoCatalogGenerator(20261122L);
		assertThat(IntStream.range(0, 200).mapToObj(this.generator::product))
			.containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(again::product).toList());
		assertThat(new DemoCatalogGenerator(1L).product(7).name()).isNotNull();
		assertThat(this.generator.product(7).id())
			.isEqualTo(UUID.nameUUIDFromBytes("mercato-demo-product:7".getBytes()));
	}

	@Test
	void productsAreVariedRealisticAndSpreadOverTheTree() {
		List<DemoCatalogGenerator.DemoProduct> products = IntStream.range(0, 1200)
			.mapToObj(this.generator::product)
			.toList();
		Set<String> skus = new HashSet<>();
		products.forEach((product) -> {
			assertThat(skus.add(product.sku())).as(product.sku()).isTrue();
			assertThat(product.price()).isBetween(BigDecimal.valueOf(product.leaf().minPrice()),
					BigDecimal.valueOf(product.leaf().maxPrice() + 1));
			assertThat(product.price().scale()).isEqualTo(2);
			assertThat(product.description()).hasSizeGreaterThan(60);
			assertThat(product.initialStock()).isBetween(0, 200);
		});
		assertThat(products.stream().map(DemoCatalogGenerator.DemoProduct::name).distinct().count()).isGreaterThan(600);
		assertThat(products.stream().map((product) -> product.leaf().name()).distinct().count())
			.isEqualTo(DemoCatalogGenerator.leaves().size());
		assertThat(products.stream().filter((product) -> product.name().contains("Coffee")).count()).isGreaterThan(50);
		assertThat(products.stream().filter((product) -> product.initialStock() == 0).count()).isBetween(40L, 200L);
		assertThat(products.stream().map(DemoCatalogGenerator.DemoProduct::sellerId).distinct())
			.containsExactlyInAnyOrderElementsOf(DemoCatalogGenerator.SELLERS);
	}

	@Test
	void demoSellersHaveIdentitysFixedIds() {
		assertThat(DemoCatalogGenerator.SELLERS.getFirst())
			.isEqualTo(UUID.nameUUIDFromBytes("mercato-demo:seller1@mercato.dev".getBytes()));
	}

}
