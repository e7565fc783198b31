package dev.mercato.payment.method;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.mercato.payment.InvalidPaymentRequestException;
import dev.mercato.payment.PaymentUnavailableException;
import dev.mercato.payment.provider.InvalidPaymentSourceException;
import dev.mercato.payment.provider.PaymentProvider;
import dev.mercato.payment.provider.PaymentProvider.SavedCard;
import dev.mercato.payment.provider.ProviderUnavailableException;
import dev.mercato.platform.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saved payment methods: a user saves a provider token, lists, deletes and picks a
 * default among their own methods only (another user's is not found).
 */
@Service
public class PaymentMethodService {

	private final PaymentMethods methods;

	private final PaymentProvider provider;

	private final TransactionTemplate tx;

	private final Clock clock;

	PaymentMethodService(PaymentMethods methods, PaymentProvider provider, TransactionTemplate tx, Clock clock) {
		this.methods = methods;
		this.provider = provider;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Saves a token as a reusable method of the user.
	 * @param userId the owner
	 * @param token the provider token
	 * @param makeDefault whether it becomes the default (the first method always does)
	 * @return the saved method
	 */
	public PaymentMethod save(UUID userId, String token, boolean makeDefault) {
		String customer = customerOf(userId);
		SavedCard card;
		try {
			card = this.provider.attach(token, customer);
		}
		catch (InvalidPaymentSourceException ex) {
			throw new InvalidPaymentRequestException("INVALID_TOKEN", "The token is unknown or was already used.");
		}
		catch (ProviderUnavailableException ex) {
			throw new PaymentUnavailableException("The payment provider cannot save the card right now.", ex);
		}
		return this.tx.execute((status) -> {
			this.methods.lockUser(userId);
			boolean isDefault = makeDefault || !this.methods.hasDefault(userId);
			if (isDefault) {
				this.methods.clearDefault(userId);
			}
			PaymentMethod method = new PaymentMethod(UUID.randomUUID(), userId, this.provider.name(),
					card.providerMethodId(), card.brand(), card.last4(), card.expMonth(), card.expYear(), isDefault,
					this.clock.instant());
			this.methods.insert(method);
			return method;
		});
	}

	/**
	 * The user's methods, oldest first.
	 */
	public List<PaymentMethod> list(UUID userId) {
		return this.methods.list(userId);
	}

	/**
	 * One of the user's methods.
	 * @throws NotFoundException when the user has no such method
	 */
	public PaymentMethod get(UUID userId, UUID id) {
		return this.methods.findOwn(userId, id).orElseThrow(PaymentMethodService::notFound);
	}

	/**
	 * Makes one of the user's methods the default.
	 */
	public PaymentMethod makeDefault(UUID userId, UUID id) {
		return this.tx.execute((status) -> {
			this.methods.lockUser(userId);
			PaymentMethod method = get(userId, id);
			this.methods.clearDefault(userId);
			this.methods.makeDefault(method.id());
			return get(userId, id);
		});
	}

	/**
	 * Deletes one of the user's methods at the provider and here; when it was the
	 * default, the oldest remaining one becomes the default.
	 */
	public void delete(UUID userId, UUID id) {
		PaymentMethod method = get(userId, id);
		try {
			this.provider.detach(method.providerMethodId());
		}
		catch (ProviderUnavailableException ex) {
			throw new PaymentUnavailableException("The payment provider cannot remove the card right now.", ex);
		}
		this.tx.executeWithoutResult((status) -> {
			this.methods.lockUser(userId);
			this.methods.delete(method.id());
			if (method.isDefault()) {
				this.methods.list(userId).stream().findFirst().ifPresent((next) -> this.methods.makeDefault(next.id()));
			}
		});
	}

	/**
	 * The provider's customer of a user, created on first use.
	 */
	public String customerOf(UUID userId) {
		return this.methods.customer(userId, this.provider.name()).orElseGet(() -> {
			String created;
			try {
				created = this.provider.createCustomer(userId);
			}
			catch (ProviderUnavailableException ex) {
				throw new PaymentUnavailableException("The payment provider cannot be reached right now.", ex);
			}
			return this.methods.saveCustomer(userId, this.provider.name(), created, this.clock.instant());
		});
	}

	private static NotFoundException notFound() {
		return new NotFoundException("PAYMENT_METHOD_NOT_FOUND", "No such payment method.");
	}

}
