package dev.mercato.inventory.stock.web;

import java.util.List;
import java.util.UUID;

import dev.mercato.inventory.stock.Movement;
import dev.mercato.inventory.stock.StockService;
import dev.mercato.platform.security.CurrentUser;
import dev.mercato.platform.web.BusinessRuleException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inventory")
@Validated
class StockController {

	private final StockService stock;

	StockController(StockService stock) {
		this.stock = stock;
	}

	// Declared before /{productId} only for readability: literal segments win over
	// variables in Spring's path matching anyway.
	@GetMapping("/low-stock")
	List<StockResponse> lowStock(CurrentUser user, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only admins see the low-stock list");
		}
		return this.stock.lowStock(limit).stream().map(StockResponse::of).toList();
	}

	@GetMapping("/{productId}")
	StockResponse level(@PathVariable UUID productId) {
		return StockResponse.of(this.stock.level(productId));
	}

	@PostMapping("/{productId}/adjustments")
	StockResponse adjust(@PathVariable UUID productId, @Valid @RequestBody AdjustmentRequest request,
			CurrentUser user) {
		if (request.delta() == 0) {
			throw new BusinessRuleException("ZERO_ADJUSTMENT", "An adjustment must change the stock");
		}
		return StockResponse.of(this.stock.adjust(productId, request.delta(), request.reason().strip(), user));
	}

	@GetMapping("/{productId}/movements")
	List<Movement> movements(@PathVariable UUID productId, CurrentUser user,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.stock.movements(productId, limit, user);
	}

}
