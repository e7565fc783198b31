package dev.mercato.catalog.category;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The category table.
 */
public interface Categories extends JpaRepository<Category, UUID> {

	boolean existsByParentIdAndSlug(UUID parentId, String slug);

	boolean existsByParentIdIsNullAndSlug(String slug);

}
