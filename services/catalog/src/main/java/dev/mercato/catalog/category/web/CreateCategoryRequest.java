package dev.mercato.catalog.category.web;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/categories}.
 *
 * @param name the name
 * @param parentId the parent, absent for a root category
 */
record CreateCategoryRequest(@NotBlank @Size(max = 100) @Pattern(regexp = ".*[\\p{L}\\p{N}].*",
		message = "must contain a letter or digit") String name, @Nullable UUID parentId) {

}
