package dev.mercato.inventory.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.inventory.InventoryProperties;
import dev.mercato.platform.security.CurrentUser;
import dev.mercato.platform.web.BusinessRuleException;
import dev.mercato.platform.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock rows: created from the catalog's products, read by anyone, adjusted by their
 * seller or an admin.
 */
@Service
public class StockService {

	private final Stocks stocks;

	private final StockChanges changes;

	private final InventoryProperties properties;

	private final Clock clock;

	StockService(Stocks stocks, StockChanges changes, InventoryProperties properties, Clock clock) {
		this.stocks = stocks;
		this.changes = changes;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Creates the stock row of a new product; a product that has one already is left as
	 * it is (the event was seen before, or the row was created another way).
	 * @param productId the product
	 * @param sellerId its seller
	 * @param initialStock units on hand, {@code null} for 0
	 * @param threshold the low-stock threshold, {@code null} for the default
	 * @param reference what caused it (the event id)
	 * @return whether a row was created
	 */
	@Transactional
	public boolean create(UUID productId, UUID sellerId, @Nullable Integer initialStock, @Nullable Integer threshold,
			String reference) {
		int onHand = (initialStock != null) ? initialStock : 0;
		int lowStockThreshold = (threshold != null) ? threshold : this.properties.defaultLowStockThreshold();
		if (onHand < 0 || lowStockThreshold < 0) {
			throw new IllegalArgumentException("Initial stock and threshold must not be negative: " + onHand + ", "
					+ lowStockThreshold + " for product " + productId);
		}
		Instant now = this.clock.instant();
		if (!this.stocks.createIfAbsent(productId, sellerId, onHand, lowStockThreshold, now)) {
			return false;
		}
		StockLevel created = new StockLevel(productId, sellerId, onHand, 0, lowStockThreshold);
		this.changes.applied(created, onHand, 0, Movement.Reason.INITIAL, reference, null, "system", now);
		return true;
	}

	/**
	 * The levels of a product.
	 * @param productId the product
	 * @return the levels
	 * @throws NotFoundException when the product has no stock row
	 */
	@Transactional(readOnly = true)
	public StockLevel level(UUID productId) {
		return this.stocks.find(productId).orElseThrow(() -> notFound(productId));
	}

	/**
	 * Adds to (or, negative, removes from) on-hand stock.
	 * @param productId the product
	 * @param delta units, not 0
	 * @param reason why, recorded in the movement
	 * @param user the seller owning the product, or an admin
	 * @return the levels after
	 * @throws NotFoundException when the product has no stock row
	 * @throws AccessDeniedException when the user neither owns the product nor is admin
	 * @throws BusinessRuleException when on hand would fall below reserved
	 */
	@Transactional
	public StockLevel adjust(UUID productId, int delta, String reason, CurrentUser user) {
		checkOwnerOrAdmin(level(productId), user);
		Instant now = this.clock.instant();
		StockLevel after = this.stocks.adjustOnHand(productId, delta, now)
			.orElseThrow(() -> new BusinessRuleException("STOCK_BELOW_RESERVED",
					"Adjusting by " + delta + " would leave less on hand than is reserved"));
		this.changes.applied(after, delta, 0, Movement.Reason.ADJUSTMENT, null, reason, user.id().toString(), now);
		return after;
	}

	/**
	 * The newest movements of a product.
	 * @param productId the product
	 * @param limit at most this many
	 * @param user the seller owning the product, or an admin
	 * @return the movements, newest first
	 */
	@Transactional(readOnly = true)
	public List<Movement> movements(UUID productId, int limit, CurrentUser user) {
		checkOwnerOrAdmin(level(productId), user);
		return this.stocks.movements(productId, limit);
	}

	/**
	 * Products at or under their threshold.
	 * @param limit at most this many
	 * @return least available first
	 */
	@Transactional(readOnly = true)
	public List<StockLevel> lowStock(int limit) {
		return this.stocks.low(limit);
	}

	private static void checkOwnerOrAdmin(StockLevel stock, CurrentUser user) {
		boolean owner = user.hasRole("SELLER") && user.id().equals(stock.sellerId());
		if (!owner && !user.isAdmin()) {
			throw new AccessDeniedException("Only the product's seller or an admin may do this");
		}
	}

	private static NotFoundException notFound(UUID productId) {
		return new NotFoundException("STOCK_NOT_FOUND", "No stock for product " + productId);
	}

}
