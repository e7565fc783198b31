package dev.mercato.catalog.product;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The product table.
 */
public interface Products extends JpaRepository<Product, UUID> {

	boolean existsBySku(String sku);

	boolean existsBySkuAndIdNot(String sku, UUID id);

	@EntityGraph(attributePaths = "category")
	List<Product> findByIdIn(Collection<UUID> ids);

	long countByStatus(ProductStatus status);

}
