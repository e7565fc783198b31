package dev.mercato.catalog.category;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTreeTest {

	@Test
	void pathsChildrenAndSlugs() {
		Category root = new Category(UUID.randomUUID(), null, "Coffee & Tea", Instant.EPOCH);
		Category beans = new Category(UUID.randomUUID(), root.getId(), "Coffee Beans", Instant.EPOCH);
		Category tea = new Category(UUID.randomUUID(), root.getId(), "Tea", Instant.EPOCH);
		CategoryTree tree = new CategoryTree(List.of(tea, beans, root));

		assertThat(tree.roots()).containsExactly(root);
		assertThat(tree.children(root.getId())).containsExactly(beans, tea);
		assertThat(tree.pathNames(beans.getId())).containsExactly("Coffee & Tea", "Coffee Beans");
		assertThat(tree.path(UUID.randomUUID())).isEmpty();
		assertThat(root.getSlug()).isEqualTo("coffee-tea");
		assertThat(Category.slugOf("Crème Brûlée!")).isEqualTo("creme-brulee");
		assertThat(Category.slugOf("!!!")).isEqualTo("category");
	}

}
