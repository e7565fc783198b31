package dev.mercato.recommender.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.mercato.contracts.catalog.v1.GetProductsRequest;
import dev.mercato.contracts.catalog.v1.GetProductsResponse;
import dev.mercato.contracts.catalog.v1.ProductServiceGrpc;
import dev.mercato.recommender.interaction.InteractionKind;
import dev.mercato.recommender.interaction.Interactions;
import dev.mercato.recommender.model.LiveModel;
import dev.mercato.recommender.product.ProductSummary;
import dev.mercato.recommender.product.Products;
import io.grpc.ManagedChannel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data ({@code mercato.demo-data.enabled=true}, ADR 0008): past interactions of demo
 * shoppers with the demo catalog, so a fresh platform recommends at once.
 * <p>
 * Catalog announces its demo products with {@code product.created} when it starts, which
 * may be before this service's queue exists; so the demo products are also asked for by
 * id over catalog's {@code GetProducts} (the ids follow catalog's demo rule,
 * {@code nameUUIDFromBytes("mercato-demo-product:" + index)}), retried in the background
 * until catalog answers, and added to the replica where events have not written them.
 * Then ~{@code shoppers} shoppers (plus alice and bob) with one or two favourite
 * categories view, add to cart and buy, and a model is trained. Idempotent: the
 * interactions carry fixed event ids, and a second start finds them and does nothing.
 */
@Component
@ConditionalOnBooleanProperty("mercato.demo-data.enabled")
class DemoInteractions implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoInteractions.class);

	private static final int BATCH = 200;

	private static final Duration RETRY = Duration.ofSeconds(5);

	private static final Duration GIVE_UP = Duration.ofMinutes(15);

	private final GrpcChannelFactory channels;

	private final Products products;

	private final Interactions interactions;

	private final LiveModel live;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int productCount;

	private final int shoppers;

	DemoInteractions(GrpcChannelFactory channels, Products products, Interactions interactions, LiveModel live,
			TransactionTemplate transactions, Clock clock,
			@Value("${mercato.recommender.demo.products:1200}") int productCount,
			@Value("${mercato.recommender.demo.shoppers:400}") int shoppers) {
		this.channels = channels;
		this.products = products;
		this.interactions = interactions;
		this.live = live;
		this.transactions = transactions;
		this.clock = clock;
		this.productCount = productCount;
		this.shoppers = shoppers;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.interactions.contains(eventId(0))) {
			return;
		}
		Thread.ofVirtual().name("demo-interactions").start(this::load);
	}

	private void load() {
		Instant deadline = this.clock.instant().plus(GIVE_UP);
		ManagedChannel channel = this.channels.createChannel("catalog");
		try {
			List<ProductSummary> catalog = List.of();
			while (catalog.isEmpty() && this.clock.instant().isBefore(deadline)) {
				try {
					catalog = demoCatalog(ProductServiceGrpc.newBlockingStub(channel));
				}
				catch (RuntimeException ex) {
					logger.info("Demo interactions wait for catalog: " + ex.getMessage());
				}
				if (catalog.isEmpty()) {
					pause();
				}
			}
			if (catalog.isEmpty()) {
				logger.warn("Catalog did not answer with the demo products: no demo interactions");
				return;
			}
			List<ProductSummary> known = catalog;
			int recorded = this.transactions.execute((status) -> record(known));
			logger.info("Demo interactions: " + recorded + " recorded for " + known.size() + " products");
			this.live.retrain();
		}
		finally {
			channel.shutdownNow();
		}
	}

	private List<ProductSummary> demoCatalog(ProductServiceGrpc.ProductServiceBlockingStub catalog) {
		List<ProductSummary> found = new ArrayList<>();
		for (int from = 0; from < this.productCount; from += BATCH) {
			GetProductsRequest.Builder request = GetProductsRequest.newBuilder();
			for (int i = from; i < Math.min(this.productCount, from + BATCH); i++) {
				request.addProductIds(demoProductId(i).toString());
			}
			GetProductsResponse response = catalog.withDeadlineAfter(Duration.ofSeconds(10))
				.getProducts(request.build());
			response.getProductsList().forEach((product) -> {
				UUID category = product.getCategoryId().isEmpty() ? null : UUID.fromString(product.getCategoryId());
				ProductSummary summary = new ProductSummary(UUID.fromString(product.getId()), product.getName(),
						category, List.of());
				// Instant.EPOCH: any product event is newer and wins
				this.products.addIfMissing(summary, product.getActive(), Instant.EPOCH);
				if (product.getActive()) {
					found.add(summary);
				}
			});
		}
		return found;
	}

	private int record(List<ProductSummary> catalog) {
		Map<UUID, List<UUID>> byCategory = new LinkedHashMap<>();
		for (ProductSummary product : catalog) {
			byCategory.computeIfAbsent(product.categoryId(), (key) -> new ArrayList<>()).add(product.id());
		}
		List<List<UUID>> categories = new ArrayList<>(byCategory.values());
		Random random = new Random(8087);
		Instant now = this.clock.instant();
		int event = 0;
		int recorded = 0;
		List<UUID> users = new ArrayList<>();
		users.add(demoAccount("alice@mercato.dev"));
		users.add(demoAccount("bob@mercato.dev"));
		for (int s = 0; s < this.shoppers; s++) {
			users.add(UUID.nameUUIDFromBytes(("mercato-demo-shopper:" + s).getBytes(StandardCharsets.UTF_8)));
		}
		for (int u = 0; u < users.size(); u++) {
			// alice and bob have fixed tastes (the first two categories); the rest random
			List<UUID> favourite = categories.get((u < 2) ? u : random.nextInt(categories.size()));
			List<UUID> second = categories.get(random.nextInt(categories.size()));
			int count = 5 + random.nextInt(21);
			for (int n = 0; n < count; n++) {
				double draw = random.nextDouble();
				List<UUID> pool = (draw < 0.65) ? favourite
						: (draw < 0.85) ? second : categories.get(random.nextInt(categories.size()));
				// skewed towards the first products of a category: some are bestsellers
				UUID product = pool.get((int) (pool.size() * Math.pow(random.nextDouble(), 2)));
				Instant at = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
				double kind = random.nextDouble();
				if (this.interactions.record(users.get(u), product, InteractionKind.VIEW, at, eventId(event++))) {
					recorded++;
				}
				if (kind < 0.3 && this.interactions.record(users.get(u), product, InteractionKind.CART,
						at.plusSeconds(60), eventId(event++))) {
					recorded++;
				}
				if (kind < 0.12 && this.interactions.record(users.get(u), product, InteractionKind.PURCHASE,
						at.plusSeconds(600), eventId(event++))) {
					recorded++;
				}
			}
		}
		return recorded;
	}

	static UUID demoProductId(int index) {
		return UUID.nameUUIDFromBytes(("mercato-demo-product:" + index).getBytes(StandardCharsets.UTF_8));
	}

	// the id identity gives a demo account
	static UUID demoAccount(String email) {
		return UUID.nameUUIDFromBytes(("mercato-demo:" + email).getBytes(StandardCharsets.UTF_8));
	}

	private static UUID eventId(int n) {
		return UUID.nameUUIDFromBytes(("mercato-demo-interaction:" + n).getBytes(StandardCharsets.UTF_8));
	}

	private static void pause() {
		try {
			Thread.sleep(RETRY);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
