package dev.mercato.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductImagesTest {

	@Test
	void theSameProductGetsTheSameImageAndTextIsEscaped() {
		ProductView product = view(UUID.fromString("7f1c7c1e-2a55-4c9a-9d7e-0b6f0b6c1a10"), "Tom & Jerry's <Mug>");
		String svg = ProductImages.svg(product);
		assertThat(ProductImages.svg(product)).isEqualTo(svg);
		assertThat(svg).startsWith("<svg").contains("Tom &amp; Jerry&apos;s &lt;Mug&gt;").doesNotContain("<Mug>");
		assertThat(ProductImages.svg(view(UUID.randomUUID(), "Tom & Jerry's <Mug>"))).isNotEqualTo(svg);
	}

	@Test
	void initialsAndWrapping() {
		assertThat(ProductImages.initials("bean republic espresso")).isEqualTo("BR");
		assertThat(ProductImages.initials("  ")).isEqualTo("?");
		assertThat(ProductImages.wrap("Roastworks Dual-Boiler Espresso Machine Deluxe Edition", 24, 2)).hasSize(2)
			.allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(24))
			.last()
			.satisfies((line) -> assertThat(line).endsWith("…"));
		assertThat(ProductImages.escape("a\u0000b")).isEqualTo("ab");
	}

	private static ProductView view(UUID id, String name) {
		return new ProductView(id, "S", name, "", new Price("1.00", "USD"),
				new ProductView.CategoryRef(UUID.randomUUID(), "Mugs & Cups", List.of("Coffee & Tea", "Mugs & Cups")),
				ProductView.placeholderImage(id), UUID.randomUUID(), null, ProductStatus.ACTIVE, Instant.EPOCH,
				Instant.EPOCH);
	}

}
