package dev.mercato.recommender.product;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The product replica: which products exist and may be recommended. Archived (deleted)
 * products stay as inactive rows, so a late {@code product.updated} cannot revive them
 * unless it is newer than the archiving.
 */
@Repository
public class Products {

	private final JdbcClient jdbc;

	Products(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the product's state as of {@code changedAt}, unless a newer state is stored.
	 * @param id the product
	 * @param name its name (null keeps the stored one)
	 * @param categoryId its category (null keeps the stored one)
	 * @param categoryPath category names (null keeps the stored ones)
	 * @param active whether it may be recommended
	 * @param changedAt time of the change
	 */
	public void save(UUID id, @Nullable String name, @Nullable UUID categoryId, @Nullable List<String> categoryPath,
			boolean active, Instant changedAt) {
		this.jdbc
			.sql("""
					insert into products (id, name, category_id, category_path, active, changed_at)
					values (:id, coalesce(:name, ''), :categoryId, coalesce(cast(:path as text[]), '{}'), :active, :changedAt)
					on conflict (id) do update set
					    name = coalesce(:name, products.name),
					    category_id = coalesce(:categoryId, products.category_id),
					    category_path = coalesce(cast(:path as text[]), products.category_path),
					    active = excluded.active,
					    changed_at = excluded.changed_at
					where products.changed_at <= excluded.changed_at""")
			.param("id", id)
			.param("name", name)
			.param("categoryId", categoryId)
			.param("path", (categoryPath != null) ? toArrayLiteral(categoryPath) : null)
			.param("active", active)
			.param("changedAt", Timestamp.from(changedAt))
			.update();
	}

	/**
	 * Adds a product only when the replica has no row for it yet (a bootstrap from the
	 * catalog never overwrites what events wrote).
	 * @param product the product
	 * @param active whether it may be recommended
	 * @param changedAt time of the state
	 */
	public void addIfMissing(ProductSummary product, boolean active, Instant changedAt) {
		this.jdbc.sql("""
				insert into products (id, name, category_id, category_path, active, changed_at)
				values (?, ?, ?, cast(? as text[]), ?, ?) on conflict (id) do nothing""")
			.params(product.id(), product.name(), product.categoryId(), toArrayLiteral(product.categoryPath()), active,
					Timestamp.from(changedAt))
			.update();
	}

	/**
	 * The active products among the given ones, in the given order.
	 * @param ids product ids
	 * @return the active ones by id
	 */
	public Map<UUID, ProductSummary> activeAmong(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, ProductSummary> found = new java.util.HashMap<>();
		this.jdbc.sql("select id, name, category_id, category_path from products where active and id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query(Products::summary)
			.list()
			.forEach((product) -> found.put(product.id(), product));
		Map<UUID, ProductSummary> ordered = new LinkedHashMap<>();
		for (UUID id : ids) {
			ProductSummary product = found.get(id);
			if (product != null) {
				ordered.put(id, product);
			}
		}
		return ordered;
	}

	/**
	 * Active products, oldest first.
	 * @param limit at most this many
	 * @return the products
	 */
	public List<ProductSummary> active(int limit) {
		return this.jdbc
			.sql("select id, name, category_id, category_path from products where active order by id limit ?")
			.param(limit)
			.query(Products::summary)
			.list();
	}

	private static ProductSummary summary(ResultSet rs, int row) throws SQLException {
		Array path = rs.getArray("category_path");
		List<String> names = (path != null) ? Arrays.asList((String[]) path.getArray()) : List.of();
		return new ProductSummary(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("category_id", UUID.class), names);
	}

	// a PostgreSQL array literal; elements quoted and escaped
	private static String toArrayLiteral(List<String> values) {
		StringBuilder out = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return out.append('}').toString();
	}

}
