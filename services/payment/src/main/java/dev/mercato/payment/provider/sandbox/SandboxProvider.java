package dev.mercato.payment.provider.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.mercato.payment.Money;
import dev.mercato.payment.PaymentProperties;
import dev.mercato.payment.provider.InvalidPaymentSourceException;
import dev.mercato.payment.provider.PaymentProvider;
import dev.mercato.payment.provider.ProviderCharge;
import dev.mercato.payment.provider.ProviderEvent;
import dev.mercato.payment.provider.ProviderRefund;
import dev.mercato.payment.provider.ProviderTimeoutException;
import dev.mercato.payment.provider.ProviderUnavailableException;
import dev.mercato.payment.provider.StripeEventReader;
import dev.mercato.payment.provider.WebhookSignature;
import dev.mercato.payment.provider.sandbox.TestCards.Outcome;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox provider: behaves like a provider's test mode, with its "server side" in
 * tables of this service's database ({@code sandbox_*}). Cards are tokenized by
 * {@link #tokenize}; charges and refunds are idempotent by key; every charge and refund
 * is followed by a signed webhook (sent by {@link SandboxWebhookSender}). Latency and
 * failures can be injected ({@code mercato.payment.sandbox.*}).
 */
@Component
@ConditionalOnProperty(name = "mercato.payment.provider", havingValue = "sandbox", matchIfMissing = true)
public class SandboxProvider implements PaymentProvider {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final PaymentProperties.Sandbox config;

	private final Duration tolerance;

	private final Clock clock;

	private final ObjectMapper mapper;

	private final StripeEventReader reader;

	SandboxProvider(JdbcClient jdbc, TransactionTemplate tx, PaymentProperties properties, Clock clock,
			ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.config = properties.sandbox();
		this.tolerance = properties.webhookTolerance();
		this.clock = clock;
		this.mapper = mapper;
		this.reader = new StripeEventReader(mapper);
	}

	@Override
	public String name() {
		return "sandbox";
	}

	/**
	 * Client-side tokenization: keeps brand, last4, expiry and the test outcome of a card
	 * and answers a one-time token. The number and CVC are not kept anywhere.
	 * @param number a Luhn-valid number (digits only)
	 * @param expMonth 1–12
	 * @param expYear four digits
	 * @return the token ({@code tok_…})
	 * @throws IllegalArgumentException for a number that fails the Luhn check or an
	 * expired card
	 */
	public String tokenize(String number, int expMonth, int expYear) {
		if (!TestCards.isValidNumber(number)) {
			throw new IllegalArgumentException("number is not a valid card number");
		}
		if (!TestCards.notExpired(expMonth, expYear, YearMonth.now(this.clock))) {
			throw new IllegalArgumentException("the card has expired");
		}
		String token = "tok_" + random(24);
		this.jdbc.sql("""
				insert into sandbox_cards (id, kind, brand, last4, exp_month, exp_year, outcome, created_at)
				values (?, 'TOKEN', ?, ?, ?, ?, ?, ?)""")
			.params(token, TestCards.brandOf(number), number.substring(number.length() - 4), expMonth, expYear,
					TestCards.outcomeOf(number).name(), now())
			.update();
		return token;
	}

	@Override
	public ProviderCharge charge(ChargeInstruction charge) {
		pause();
		if (ThreadLocalRandom.current().nextDouble() < this.config.chargeFailureRate()) {
			throw new ProviderUnavailableException("sandbox: injected failure before accepting the charge");
		}
		Intent intent = this.tx.execute((status) -> existing(charge.idempotencyKey()).orElseGet(() -> create(charge)));
		if (ThreadLocalRandom.current().nextDouble() < this.config.timeoutAfterAcceptRate()) {
			throw new ProviderTimeoutException("sandbox: injected timeout after accepting the charge");
		}
		return intent.toCharge();
	}

	@Override
	public Optional<ProviderCharge> findCharge(ChargeInstruction charge) {
		return existing(charge.idempotencyKey()).map(Intent::toCharge);
	}

	private Intent create(ChargeInstruction charge) {
		Card card = (charge.token() != null) ? lockCard(charge.token(), "TOKEN")
				: lockCard(charge.methodId(), "METHOD");
		// a concurrent attempt with the same key may have committed while this one waited
		// for the card's lock: answer its intent
		Optional<Intent> raced = existing(charge.idempotencyKey());
		if (raced.isPresent()) {
			return raced.get();
		}
		checkUsable(card, charge.customerId());
		String status = (card.outcome == Outcome.SUCCEEDS) ? "succeeded" : "requires_payment_method";
		String declineCode = switch (card.outcome) {
			case SUCCEEDS -> null;
			case DECLINED -> "generic_decline";
			case INSUFFICIENT_FUNDS -> "insufficient_funds";
		};
		String id = "pi_" + random(24);
		int inserted = this.jdbc.sql("""
				insert into sandbox_payment_intents (id, idempotency_key, order_id, amount_minor, currency, card_id,
				status, decline_code, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (idempotency_key) do nothing""")
			.params(id, charge.idempotencyKey(), charge.orderId(), charge.amount().minorUnits(),
					charge.amount().currency(), card.id, status, declineCode, now())
			.update();
		Intent intent = existing(charge.idempotencyKey()).orElseThrow();
		if (inserted == 1) {
			if (card.kind.equals("TOKEN")) {
				this.jdbc.sql("update sandbox_cards set used = true where id = ?").param(card.id).update();
			}
			Map<String, Object> object = intent.json(charge.paymentId());
			enqueue(intent.succeeded() ? "payment_intent.succeeded" : "payment_intent.payment_failed", object);
		}
		return intent;
	}

	private Card card(String id, String kind, String customerId) {
		Card card = lockCard(id, kind);
		checkUsable(card, customerId);
		return card;
	}

	private Card lockCard(String id, String kind) {
		return this.jdbc
			.sql("select id, kind, outcome, used, customer_id from sandbox_cards where id = ? and kind = ? for update")
			.params(id, kind)
			.query((rs, row) -> new Card(rs.getString(1), rs.getString(2), Outcome.valueOf(rs.getString(3)),
					rs.getBoolean(4), rs.getString(5)))
			.optional()
			.orElseThrow(() -> new InvalidPaymentSourceException("No such " + kind.toLowerCase() + ": " + id));
	}

	private static void checkUsable(Card card, String customerId) {
		if (card.kind.equals("TOKEN") && card.used) {
			throw new InvalidPaymentSourceException("The token was already used");
		}
		if (card.kind.equals("METHOD") && (card.customerId == null || !card.customerId.equals(customerId))) {
			throw new InvalidPaymentSourceException("The payment method is not attached to the customer");
		}
	}

	private Optional<Intent> existing(String idempotencyKey) {
		return this.jdbc.sql("""
				select id, order_id, amount_minor, currency, status, decline_code from sandbox_payment_intents
				where idempotency_key = ?""")
			.param(idempotencyKey)
			.query((rs, row) -> new Intent(rs.getString(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.optional();
	}

	@Override
	public ProviderRefund refund(RefundInstruction refund) {
		pause();
		return this.tx.execute((status) -> {
			Optional<ProviderRefund> existing = this.jdbc
				.sql("select id, status from sandbox_refunds where idempotency_key = ?")
				.param(refund.idempotencyKey())
				.query((rs, row) -> new ProviderRefund(rs.getString(1), refundStatus(rs.getString(2))))
				.optional();
			if (existing.isPresent()) {
				return existing.get();
			}
			long[] intent = this.jdbc.sql(
					"select amount_minor, amount_refunded from sandbox_payment_intents where id = ? and status = 'succeeded' for update")
				.param(refund.providerPaymentId())
				.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.optional()
				.orElseThrow(() -> new InvalidPaymentSourceException("No captured payment intent to refund"));
			long amount = refund.amount().minorUnits();
			String state = (intent[1] + amount <= intent[0]) ? "succeeded" : "failed";
			String id = "re_" + random(24);
			this.jdbc
				.sql("""
						insert into sandbox_refunds (id, idempotency_key, payment_intent_id, amount_minor, status, refund_key, created_at)
						values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, refund.idempotencyKey(), refund.providerPaymentId(), amount, state,
						refund.refundId().toString(), now())
				.update();
			if (state.equals("succeeded")) {
				this.jdbc.sql("update sandbox_payment_intents set amount_refunded = amount_refunded + ? where id = ?")
					.params(amount, refund.providerPaymentId())
					.update();
			}
			Map<String, Object> object = new LinkedHashMap<>();
			object.put("id", id);
			object.put("object", "refund");
			object.put("amount", amount);
			object.put("currency", refund.amount().currency().toLowerCase());
			object.put("payment_intent", refund.providerPaymentId());
			object.put("status", state);
			object.put("metadata", Map.of("refund_id", refund.refundId().toString()));
			if (state.equals("failed")) {
				object.put("failure_reason", "unknown");
			}
			enqueue(state.equals("succeeded") ? "refund.created" : "refund.failed", object);
			return new ProviderRefund(id, refundStatus(state));
		});
	}

	private static ProviderRefund.Status refundStatus(String state) {
		return state.equals("succeeded") ? ProviderRefund.Status.SUCCEEDED : ProviderRefund.Status.FAILED;
	}

	@Override
	public String createCustomer(UUID userId) {
		return "cus_" + random(14);
	}

	@Override
	public SavedCard attach(String token, String customerId) {
		return this.tx.execute((status) -> {
			Card card = card(token, "TOKEN", null);
			String id = "pm_" + random(24);
			this.jdbc
				.sql("""
						insert into sandbox_cards (id, kind, brand, last4, exp_month, exp_year, outcome, customer_id, created_at)
						select ?, 'METHOD', brand, last4, exp_month, exp_year, outcome, ?, ? from sandbox_cards where id = ?""")
				.params(id, customerId, now(), card.id)
				.update();
			this.jdbc.sql("update sandbox_cards set used = true where id = ?").param(card.id).update();
			return this.jdbc.sql("select brand, last4, exp_month, exp_year from sandbox_cards where id = ?")
				.param(id)
				.query((rs, row) -> new SavedCard(id, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
				.single();
		});
	}

	@Override
	public void detach(String providerMethodId) {
		this.jdbc.sql("update sandbox_cards set customer_id = null where id = ? and kind = 'METHOD'")
			.param(providerMethodId)
			.update();
	}

	@Override
	public ProviderEvent parseWebhook(String payload, String signatureHeader) {
		WebhookSignature.verify(payload, signatureHeader, this.config.webhookSecret(), this.tolerance,
				this.clock.instant());
		return this.reader.read(payload);
	}

	private void enqueue(String type, Map<String, Object> object) {
		String eventId = "evt_" + random(24);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", eventId);
		event.put("object", "event");
		event.put("api_version", "2025-10-29.clover");
		event.put("created", this.clock.instant().getEpochSecond());
		event.put("livemode", false);
		event.put("type", type);
		event.put("data", Map.of("object", object));
		this.jdbc.sql("insert into sandbox_webhooks (event_id, payload, next_attempt_at) values (?, ?, ?)")
			.params(eventId, this.mapper.writeValueAsString(event),
					OffsetDateTime.ofInstant(this.clock.instant().plus(this.config.webhookDelay()), ZoneOffset.UTC))
			.update();
	}

	private void pause() {
		if (!this.config.latency().isZero()) {
			try {
				Thread.sleep(this.config.latency());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ProviderUnavailableException("sandbox: interrupted");
			}
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static String random(int length) {
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

	private record Card(String id, String kind, Outcome outcome, boolean used, String customerId) {

	}

	private record Intent(String id, UUID orderId, long amountMinor, String currency, String status,
			String declineCode) {

		boolean succeeded() {
			return this.status.equals("succeeded");
		}

		ProviderCharge toCharge() {
			if (succeeded()) {
				return new ProviderCharge(this.id, ProviderCharge.Status.SUCCEEDED, null, null);
			}
			return "insufficient_funds".equals(this.declineCode)
					? new ProviderCharge(this.id, ProviderCharge.Status.INSUFFICIENT_FUNDS, "insufficient_funds",
							"Your card has insufficient funds.")
					: new ProviderCharge(this.id, ProviderCharge.Status.DECLINED, "card_declined",
							"Your card was declined.");
		}

		Map<String, Object> json(UUID paymentId) {
			Map<String, Object> object = new LinkedHashMap<>();
			object.put("id", this.id);
			object.put("object", "payment_intent");
			object.put("amount", this.amountMinor);
			object.put("currency", this.currency.toLowerCase());
			object.put("status", this.status);
			object.put("metadata",
					Map.of("order_id", String.valueOf(this.orderId), "payment_id", paymentId.toString()));
			if (!succeeded()) {
				Map<String, Object> error = new LinkedHashMap<>();
				error.put("type", "card_error");
				error.put("code", "card_declined");
				error.put("decline_code", this.declineCode);
				error.put("message", toCharge().message());
				object.put("last_payment_error", error);
			}
			return object;
		}

	}

}
