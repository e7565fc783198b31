package dev.mercato.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.category.Category;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProductTest {

	static final Currency USD = Currency.getInstance("USD");

	final Instant now = Instant.parse("2026-11-22T10:00:00Z");

	final Category root = new Category(UUID.randomUUID(), null, "Coffee & Tea", this.now);

	final Category leaf = new Category(UUID.randomUUID(), this.root.getId(), "Coffee Beans", this.now);

	final UUID seller = UUID.randomUUID();

	@Test
	void detailsRefuseNegativePricesTooManyDecimalsAndAForeignPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> details("-0.01"));
		assertThatIllegalArgumentException().isThrownBy(() -> details("1.001"));
		assertThatIllegalArgumentException().isThrownBy(() -> new ProductDetails("S", "N", "", BigDecimal.ONE, USD,
				this.leaf, List.of(this.root.getId()), null));
		assertThat(details("3").price()).isEqualByComparingTo("3.00").hasToString("3.00");
	}

	@Test
	void newProductsAreActiveAndIndexTheirCategoryPath() {
		Product product = new Product(UUID.randomUUID(), this.seller, details("9.99"), this.now);
		assertThat(product.getStatus()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(product.getCategoryIds()).containsExactly(this.root.getId().toString(),
				this.leaf.getId().toString());
		assertThat(product.getCategoryKey()).isEqualTo(this.leaf.getId().toString());
		assertThat(product.getAvailable()).isNull();
	}

	@Test
	void onlyTheSellerOrAnAdminMayEdit() {
		Product product = new Product(UUID.randomUUID(), this.seller, details("9.99"), this.now);
		assertThat(product.isEditableBy(this.seller, true, false)).isTrue();
		assertThat(product.isEditableBy(this.seller, false, false)).as("seller role revoked").isFalse();
		assertThat(product.isEditableBy(UUID.randomUUID(), true, false)).isFalse();
		assertThat(product.isEditableBy(UUID.randomUUID(), false, true)).isTrue();
	}

	@Test
	void archivingHappensOnceAndFreezesTheProduct() {
		Product product = new Product(UUID.randomUUID(), this.seller, details("9.99"), this.now);
		assertThat(product.archive(this.now.plusSeconds(5))).isTrue();
		assertThat(product.archive(this.now.plusSeconds(9))).isFalse();
		assertThat(product.getArchivedAt()).isEqualTo(this.now.plusSeconds(5));
		assertThatIllegalStateException().isThrownBy(() -> product.update(details("1.00"), this.now));
	}

	@Test
	void availabilityIgnoresOlderEvents() {
		Product product = new Product(UUID.randomUUID(), this.seller, details("9.99"), this.now);
		assertThat(product.applyAvailability(5, this.now)).isTrue();
		assertThat(product.applyAvailability(5, this.now.plusSeconds(1))).as("same value").isFalse();
		assertThat(product.applyAvailability(40, this.now.minusSeconds(1))).as("older").isFalse();
		assertThat(product.getAvailable()).isEqualTo(5);
		assertThat(product.applyAvailability(0, this.now.plusSeconds(2))).isTrue();
		assertThat(product.getAvailable()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> product.applyAvailability(-1, this.now.plusSeconds(3)));
	}

	@Test
	void theInStockFlagFollowsTheUnits() {
		Product product = new Product(UUID.randomUUID(), this.seller, details("9.99"), this.now);
		assertThat(product.isInStock()).as("not reported yet").isFalse();
		product.applyAvailability(3, this.now);
		assertThat(product.isInStock()).isTrue();
		product.applyAvailability(1, this.now.plusSeconds(1));
		assertThat(product.isInStock()).isTrue();
		product.applyAvailability(0, this.now.plusSeconds(2));
		assertThat(product.isInStock()).isFalse();
	}

	private ProductDetails details(String price) {
		return new ProductDetails("SKU-1", "Kenya AA", "Bright.", new BigDecimal(price), USD, this.leaf,
				List.of(this.root.getId(), this.leaf.getId()), null);
	}

}
