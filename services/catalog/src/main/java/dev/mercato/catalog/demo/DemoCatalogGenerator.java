package dev.mercato.catalog.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the demo catalog: the same products for the same seed and count, every time
 * and on every machine (product {@code i} depends only on the seed and {@code i}), so a
 * restart recognises what it loaded before.
 */
public final class DemoCatalogGenerator {

	/** The demo sellers' ids, as identity creates them. */
	public static final List<UUID> SELLERS = List.of(demoUserId("seller1@mercato.dev"),
			demoUserId("seller2@mercato.dev"));

	private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	private static final List<String> CLOSERS = List.of("Ships within two business days.",
			"Free returns within 30 days.", "Rated highly by our customers.", "A thoughtful gift for any occasion.",
			"Backed by the seller's satisfaction guarantee.");

	private final long seed;

	public DemoCatalogGenerator(long seed) {
		this.seed = seed;
	}

	/**
	 * The id identity gives a demo account.
	 * @param email the account's email
	 * @return {@code UUID.nameUUIDFromBytes("mercato-demo:" + email)}
	 */
	public static UUID demoUserId(String email) {
		return UUID.nameUUIDFromBytes(("mercato-demo:" + email).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The id of a demo category.
	 * @param root the root's name
	 * @param leaf the leaf's name, or {@code null} for the root itself
	 * @return a name-based UUID
	 */
	public static UUID categoryId(String root, String leaf) {
		String key = "mercato-demo-category:" + root + ((leaf != null) ? "/" + leaf : "");
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The leaf categories, in generation order.
	 * @return the leaves
	 */
	public static List<DemoCatalogData.Leaf> leaves() {
		return DemoCatalogData.LEAVES;
	}

	/**
	 * Demo product {@code index}.
	 * @param index from 0
	 * @return the product
	 */
	public DemoProduct product(int index) {
		Random random = new Random(this.seed * 1_000_003L + index);
		List<DemoCatalogData.Leaf> leaves = DemoCatalogData.LEAVES;
		DemoCatalogData.Leaf leaf = leaves.get(index % leaves.size());
		String brand = pick(random, leaf.brands());
		String qualifier = pick(random, leaf.qualifiers());
		String kind = pick(random, leaf.kinds());
		String name = brand + " " + qualifier + " " + kind;
		List<String> points = new ArrayList<>(leaf.points());
		StringBuilder description = new StringBuilder();
		description.append(qualifier)
			.append(' ')
			.append(kind.toLowerCase(Locale.ROOT))
			.append(" from ")
			.append(brand)
			.append('.');
		for (int i = 0; i < 3 && !points.isEmpty(); i++) {
			description.append(' ').append(points.remove(random.nextInt(points.size())));
		}
		description.append(' ').append(pick(random, CLOSERS));
		double raw = leaf.minPrice() + random.nextDouble() * (leaf.maxPrice() - leaf.minPrice());
		BigDecimal price = BigDecimal.valueOf(Math.floor(raw))
			.add(new BigDecimal(random.nextBoolean() ? "0.99" : "0.49"))
			.setScale(2, RoundingMode.UNNECESSARY);
		// about one product in twelve is sold out
		int stock = (random.nextInt(12) == 0) ? 0 : 5 + random.nextInt(196);
		String sku = leafCode(leaf) + "-" + String.format(Locale.ROOT, "%06d", index);
		UUID id = UUID.nameUUIDFromBytes(("mercato-demo-product:" + index).getBytes(StandardCharsets.UTF_8));
		return new DemoProduct(id, sku, name, description.toString(), price, leaf, SELLERS.get(index % SELLERS.size()),
				stock, EPOCH.plusSeconds(index * 60L));
	}

	private static String leafCode(DemoCatalogData.Leaf leaf) {
		String letters = leaf.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
		return letters.substring(0, Math.min(4, letters.length()));
	}

	private static String pick(Random random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	/**
	 * One generated product.
	 *
	 * @param id its id
	 * @param sku its SKU
	 * @param name its name
	 * @param description its description
	 * @param price its price (USD)
	 * @param leaf its category
	 * @param sellerId its seller
	 * @param initialStock units for inventory
	 * @param createdAt its creation time
	 */
	public record DemoProduct(UUID id, String sku, String name, String description, BigDecimal price,
			DemoCatalogData.Leaf leaf, UUID sellerId, int initialStock, Instant createdAt) {

	}

}
