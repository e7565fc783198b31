package dev.mercato.payment.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.mercato.payment.charge.ChargeService;
import dev.mercato.payment.charge.ChargeService.PaymentPage;
import dev.mercato.payment.refund.RefundService;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
@Validated
class PaymentController {

	private final ChargeService charges;

	private final RefundService refunds;

	PaymentController(ChargeService charges, RefundService refunds) {
		this.charges = charges;
		this.refunds = refunds;
	}

	/**
	 * The caller's payments (an admin's: everyone's), optionally of one order.
	 */
	@GetMapping
	Map<String, Object> list(CurrentUser user, @RequestParam(required = false) UUID orderId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		PaymentPage result = this.charges.page(user.id(), user.isAdmin(), orderId, page, size);
		List<PaymentResponse> items = result.items()
			.stream()
			.map((view) -> PaymentResponse.of(view, this.refunds.ofPayment(view.payment().id())))
			.toList();
		return Map.of("items", items, "page", result.page(), "size", result.size(), "total", result.total());
	}

	@GetMapping("/{id}")
	PaymentResponse get(@PathVariable UUID id, CurrentUser user) {
		return PaymentResponse.of(this.charges.view(id, user.id(), user.isAdmin()), this.refunds.ofPayment(id));
	}

}
