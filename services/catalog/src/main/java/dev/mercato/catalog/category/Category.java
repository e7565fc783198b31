package dev.mercato.catalog.category;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A node of the category tree; a root has no parent. Categories are not renamed or moved
 * (products and the search index refer to them by id).
 */
@Entity
@Table(name = "categories")
public class Category {

	@Id
	private UUID id;

	@Column(name = "parent_id")
	private @Nullable UUID parentId;

	private String name;

	private String slug;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Category() {
	}

	public Category(UUID id, @Nullable UUID parentId, String name, Instant createdAt) {
		this.id = id;
		this.parentId = parentId;
		this.name = name.strip();
		this.slug = slugOf(this.name);
		this.createdAt = createdAt;
	}

	/**
	 * The URL-friendly form of a name: {@code Coffee & Tea} → {@code coffee-tea}.
	 * @param name the name
	 * @return the slug
	 */
	public static String slugOf(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.isEmpty() ? "category" : slug;
	}

	public UUID getId() {
		return this.id;
	}

	public @Nullable UUID getParentId() {
		return this.parentId;
	}

	public String getName() {
		return this.name;
	}

	public String getSlug() {
		return this.slug;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
