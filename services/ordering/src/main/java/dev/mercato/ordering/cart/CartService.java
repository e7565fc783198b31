package dev.mercato.ordering.cart;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.ordering.OrderingProperties;
import dev.mercato.ordering.product.Catalog;
import dev.mercato.ordering.product.Product;
import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.web.BusinessRuleException;
import dev.mercato.platform.web.ConflictException;
import dev.mercato.platform.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's cart: lines in ordering's database, prices from catalog.
 */
@Service
public class CartService {

	private final CartItems items;

	private final Catalog catalog;

	private final Outbox outbox;

	private final OrderingProperties.Cart limits;

	private final Clock clock;

	CartService(CartItems items, Catalog catalog, Outbox outbox, OrderingProperties properties, Clock clock) {
		this.items = items;
		this.catalog = catalog;
		this.outbox = outbox;
		this.limits = properties.cart();
		this.clock = clock;
	}

	/**
	 * The stored lines of a cart.
	 * @param userId the customer
	 * @return the lines, oldest first
	 */
	@Transactional(readOnly = true)
	public List<CartLine> lines(UUID userId) {
		return this.items.of(userId);
	}

	/**
	 * The cart's lines with the version they belong to, read in one snapshot.
	 * @param userId the customer
	 * @return the lines and the version
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Snapshot snapshot(UUID userId) {
		return new Snapshot(this.items.version(userId), this.items.of(userId));
	}

	/**
	 * Claims the version of the cart an order is placed from (joins the caller's
	 * transaction, the one inserting the order).
	 * @param userId the customer
	 * @param version the version the order's lines were read at
	 * @param orderId the order
	 * @throws ConflictException when another order, not cancelled, was placed from this
	 * version of the cart
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void claimForOrder(UUID userId, long version, UUID orderId) {
		UUID holder = this.items.claimForOrder(userId, version, orderId);
		if (!holder.equals(orderId)) {
			throw new ConflictException("CART_ALREADY_ORDERED", "This cart was already ordered as order " + holder
					+ " (see /api/orders/" + holder + "); change the cart to order again");
		}
	}

	/**
	 * A cart's lines at one version.
	 *
	 * @param version advanced by every change of the cart
	 * @param lines the lines, oldest first
	 */
	public record Snapshot(long version, List<CartLine> lines) {

	}

	/**
	 * The cart with current prices.
	 * @param userId the customer
	 * @return the priced cart
	 */
	public CartView view(UUID userId) {
		List<CartLine> lines = this.items.of(userId);
		Map<UUID, Product> products = this.catalog.products(lines.stream().map(CartLine::productId).toList());
		List<CartView.Item> viewItems = new ArrayList<>();
		Money total = null;
		for (CartLine line : lines) {
			Product product = products.get(line.productId());
			if (product == null) {
				viewItems.add(new CartView.Item(line.productId(), null, null, null, line.quantity(), null, false));
				continue;
			}
			Money lineTotal = product.price().times(line.quantity());
			if (product.active()) {
				total = (total == null) ? lineTotal : plusOrKeep(total, lineTotal);
			}
			viewItems.add(new CartView.Item(line.productId(), product.sku(), product.name(), product.price().json(),
					line.quantity(), lineTotal.json(), product.active()));
		}
		return new CartView(viewItems, (total != null) ? total.json() : null);
	}

	private static Money plusOrKeep(Money total, Money line) {
		return total.currency().equals(line.currency()) ? total.plus(line) : total;
	}

	/**
	 * Adds a product (or more of it) to the cart.
	 * @param userId the customer
	 * @param productId the product
	 * @param quantity how many more
	 * @return the line's quantity afterwards
	 * @throws BusinessRuleException when the product is unknown or archived, or the
	 * quantity is out of bounds
	 */
	@Transactional
	public int add(UUID userId, UUID productId, int quantity) {
		requireQuantity(quantity);
		Product product = buyable(productId);
		Instant now = this.clock.instant();
		if (this.items.count(userId) >= this.limits.maxLines() && !contains(userId, productId)) {
			throw new BusinessRuleException("CART_FULL",
					"A cart holds at most " + this.limits.maxLines() + " products");
		}
		int after = this.items.add(userId, productId, quantity, this.limits.maxQuantity(), now)
			.orElseThrow(() -> new BusinessRuleException("QUANTITY_OUT_OF_RANGE",
					"A cart line holds at most " + this.limits.maxQuantity() + " units"));
		this.items.advanceVersion(userId);
		this.outbox.publish(CartItemAddedV1.TYPE, userId.toString(),
				new CartItemAddedV1(userId, productId, after, product.price().json(), now));
		return after;
	}

	/**
	 * Sets a line's quantity.
	 * @param userId the customer
	 * @param productId the product in the cart
	 * @param quantity the new quantity
	 * @throws NotFoundException when the product is not in the cart
	 */
	@Transactional
	public void setQuantity(UUID userId, UUID productId, int quantity) {
		requireQuantity(quantity);
		if (!this.items.set(userId, productId, quantity, this.clock.instant())) {
			throw new NotFoundException("CART_ITEM_NOT_FOUND", "Product " + productId + " is not in the cart");
		}
		this.items.advanceVersion(userId);
	}

	/**
	 * Removes a line (nothing happens when it is absent).
	 * @param userId the customer
	 * @param productId the product
	 */
	@Transactional
	public void remove(UUID userId, UUID productId) {
		if (this.items.remove(userId, productId)) {
			this.items.advanceVersion(userId);
		}
	}

	/**
	 * Empties the cart.
	 * @param userId the customer
	 */
	@Transactional
	public void clear(UUID userId) {
		if (this.items.clear(userId) > 0) {
			this.items.advanceVersion(userId);
		}
	}

	/**
	 * Removes the ordered products from the cart (joins the caller's transaction).
	 * @param userId the customer
	 * @param productIds the products bought
	 */
	@Transactional
	public void removeOrdered(UUID userId, Collection<UUID> productIds) {
		if (this.items.removeProducts(userId, productIds) > 0) {
			this.items.advanceVersion(userId);
		}
	}

	private boolean contains(UUID userId, UUID productId) {
		return this.items.of(userId).stream().anyMatch((line) -> line.productId().equals(productId));
	}

	private Product buyable(UUID productId) {
		Product product = this.catalog.products(List.of(productId)).get(productId);
		if (product == null || !product.active()) {
			throw new BusinessRuleException("PRODUCT_UNAVAILABLE",
					"Product " + productId + " does not exist or is no longer sold");
		}
		return product;
	}

	private void requireQuantity(int quantity) {
		if (quantity < 1 || quantity > this.limits.maxQuantity()) {
			throw new BusinessRuleException("QUANTITY_OUT_OF_RANGE",
					"quantity must be between 1 and " + this.limits.maxQuantity());
		}
	}

}
