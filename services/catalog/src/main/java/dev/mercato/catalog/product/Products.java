package dev.mercato.catalog.product;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The product table.
 */
public interface Products extends JpaRepository<Product, UUID> {

	boolean existsBySku(String sku);

	boolean existsBySkuAndIdNot(String sku, UUID id);

	long countByStatus(ProductStatus status);

}
