package dev.mercato.catalog.category.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.mercato.catalog.category.Category;
import dev.mercato.catalog.category.CategoryService;
import dev.mercato.catalog.category.CategoryTree;
import dev.mercato.platform.security.CurrentUser;
import dev.mercato.platform.web.NotFoundException;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/categories")
class CategoryController {

	private final CategoryService categories;

	CategoryController(CategoryService categories) {
		this.categories = categories;
	}

	@GetMapping
	List<CategoryNode> tree() {
		CategoryTree tree = this.categories.tree();
		return tree.roots().stream().map((root) -> CategoryNode.of(root, tree)).toList();
	}

	@GetMapping("/{id}")
	CategoryNode one(@PathVariable UUID id) {
		CategoryTree tree = this.categories.tree();
		Category category = tree.find(id)
			.orElseThrow(() -> new NotFoundException("CATEGORY_NOT_FOUND", "There is no category " + id));
		return CategoryNode.of(category, tree);
	}

	@PostMapping
	ResponseEntity<CategoryNode> create(@Valid @RequestBody CreateCategoryRequest request, CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only admins create categories");
		}
		Category category = this.categories.create(request.name(), request.parentId());
		CategoryNode body = CategoryNode.of(category, this.categories.tree());
		return ResponseEntity.created(URI.create("/api/categories/" + category.getId())).body(body);
	}

}
