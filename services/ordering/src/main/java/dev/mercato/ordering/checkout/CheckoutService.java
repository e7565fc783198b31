package dev.mercato.ordering.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.mercato.ordering.OrderingProperties;
import dev.mercato.ordering.cart.CartLine;
import dev.mercato.ordering.cart.CartService;
import dev.mercato.ordering.order.Order;
import dev.mercato.ordering.order.OrderLine;
import dev.mercato.ordering.order.OrderQueries;
import dev.mercato.ordering.order.OrderStatus;
import dev.mercato.ordering.order.OrderView;
import dev.mercato.ordering.order.Orders;
import dev.mercato.ordering.order.PaymentInstruction;
import dev.mercato.ordering.product.Catalog;
import dev.mercato.ordering.product.Product;
import dev.mercato.platform.events.Outbox;
import dev.mercato.platform.security.CurrentUser;
import dev.mercato.platform.web.BusinessRuleException;
import dev.mercato.platform.web.DependencyUnavailableException;
import dev.mercato.platform.web.ForbiddenException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders: checks the user (identity) and the prices (catalog), creates the order
 * PENDING with {@code order.created}, then runs its saga for up to
 * {@code wait-for-outcome}. Honours {@code Idempotency-Key} per user: the same key and
 * body give the same order, the same key with another body is refused.
 */
@Service
public class CheckoutService {

	private final Orders orders;

	private final OrderQueries queries;

	private final CartService cart;

	private final Catalog catalog;

	private final Participants participants;

	private final CheckoutSaga saga;

	private final SagaInstance instance;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final OrderingProperties properties;

	private final Clock clock;

	CheckoutService(Orders orders, OrderQueries queries, CartService cart, Catalog catalog, Participants participants,
			CheckoutSaga saga, SagaInstance instance, Outbox outbox, TransactionTemplate transactions,
			OrderingProperties properties, Clock clock) {
		this.orders = orders;
		this.queries = queries;
		this.cart = cart;
		this.catalog = catalog;
		this.participants = participants;
		this.saga = saga;
		this.instance = instance;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Places an order and runs its checkout.
	 * @param user the customer
	 * @param request what to order
	 * @param idempotencyKey the client's key, or {@code null}
	 * @return the order and whether it is final
	 */
	public CheckoutResult checkout(CurrentUser user, CheckoutRequest request, String idempotencyKey) {
		// one budget for the whole request, so an overloaded machine still answers (202)
		// before the gateway gives up on the call
		Instant answerBy = this.clock.instant().plus(this.properties.saga().waitForOutcome());
		String key = (idempotencyKey == null || idempotencyKey.isBlank()) ? null : idempotencyKey.strip();
		if (key != null && key.length() > 200) {
			throw new BusinessRuleException("IDEMPOTENCY_KEY_TOO_LONG",
					"Idempotency-Key is longer than 200 characters");
		}
		String hash = (key != null) ? hash(request) : null;
		if (key != null) {
			Optional<CheckoutResult> replay = replay(user.id(), key, hash);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		boolean fromCart = request.items() == null;
		CartService.Snapshot cartSnapshot = fromCart ? this.cart.snapshot(user.id()) : null;
		Map<UUID, Integer> wanted = wanted(request, cartSnapshot);
		validateUser(user.id(), answerBy);
		Map<UUID, Product> products = this.catalog.fresh(wanted.keySet());
		List<OrderLine> lines = new ArrayList<>();
		String currency = null;
		for (Map.Entry<UUID, Integer> entry : wanted.entrySet()) {
			Product product = products.get(entry.getKey());
			if (product == null || !product.active()) {
				throw new BusinessRuleException("PRODUCT_UNAVAILABLE",
						"Product " + entry.getKey() + " does not exist or is no longer sold");
			}
			if (currency == null) {
				currency = product.price().currency();
			}
			else if (!currency.equals(product.price().currency())) {
				throw new BusinessRuleException("MIXED_CURRENCIES", "All products of an order must share one currency");
			}
			lines.add(new OrderLine(product.id(), product.sku(), product.name(), entry.getValue(), product.price()));
		}
		Instant now = this.clock.instant();
		OrderingProperties.Saga settings = this.properties.saga();
		Order order = Order.place(UUID.randomUUID(), user.id(), lines, currency, request.shippingAddress(),
				new PaymentInstruction(request.payment().methodId(), request.payment().token()), fromCart, key, hash,
				now, now.plus(settings.timeout()), now.plus(settings.lease()));
		order.hold(this.instance.id(), now.plus(settings.lease()));
		try {
			this.transactions.executeWithoutResult((tx) -> {
				this.orders.saveAndFlush(order);
				if (cartSnapshot != null) {
					// one order per version of the cart: a second checkout of it is
					// refused
					this.cart.claimForOrder(user.id(), cartSnapshot.version(), order.id());
				}
				this.outbox.publish(order.events());
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (key != null) {
				// a concurrent request with the same key won the insert
				return replay(user.id(), key, hash).orElseThrow(() -> ex);
			}
			throw ex;
		}
		return run(order.id(), answerBy);
	}

	private CheckoutResult run(UUID orderId, Instant answerBy) {
		this.saga.advance(orderId, answerBy);
		OrderView view = this.queries.find(orderId).orElseThrow();
		return new CheckoutResult(view, view.status() != OrderStatus.PENDING);
	}

	private Optional<CheckoutResult> replay(UUID userId, String key, String hash) {
		return this.orders.findByIdempotencyKey(userId, key).map((existing) -> {
			if (!hash.equals(existing.requestHash())) {
				throw new BusinessRuleException("IDEMPOTENCY_KEY_REUSED",
						"Idempotency-Key '" + key + "' was already used with a different request");
			}
			OrderView view = this.queries.find(existing.id()).orElseThrow();
			return new CheckoutResult(view, view.status() != OrderStatus.PENDING);
		});
	}

	private Map<UUID, Integer> wanted(CheckoutRequest request, CartService.Snapshot cartSnapshot) {
		Map<UUID, Integer> wanted = new LinkedHashMap<>();
		int max = this.properties.cart().maxQuantity();
		if (request.items() != null) {
			for (CheckoutRequest.Item item : request.items()) {
				wanted.merge(item.productId(), item.quantity(), Integer::sum);
			}
		}
		else {
			for (CartLine line : cartSnapshot.lines()) {
				wanted.put(line.productId(), line.quantity());
			}
			if (wanted.isEmpty()) {
				throw new BusinessRuleException("CART_EMPTY", "The cart is empty: add products or give items");
			}
		}
		for (Map.Entry<UUID, Integer> entry : wanted.entrySet()) {
			if (entry.getValue() > max) {
				throw new BusinessRuleException("QUANTITY_OUT_OF_RANGE",
						"At most " + max + " units of product " + entry.getKey() + " per order");
			}
		}
		return wanted;
	}

	private void validateUser(UUID userId, Instant answerBy) {
		Participants.ValidUser valid;
		try {
			valid = Participants.within(answerBy, () -> this.participants.validateUser(userId));
		}
		catch (ParticipantUnavailableException ex) {
			throw new DependencyUnavailableException("IDENTITY_UNAVAILABLE",
					"Your account cannot be checked right now; try again shortly", ex);
		}
		if (!valid.valid()) {
			throw new ForbiddenException("USER_INVALID", "This account cannot place orders"
					+ ((valid.reason() != null && !valid.reason().isBlank()) ? ": " + valid.reason() : ""));
		}
	}

	static String hash(CheckoutRequest request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(request.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
