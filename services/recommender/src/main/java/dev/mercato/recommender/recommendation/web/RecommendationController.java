package dev.mercato.recommender.recommendation.web;

import java.util.UUID;

import dev.mercato.platform.security.CurrentUser;
import dev.mercato.recommender.recommendation.RecommendationService;
import dev.mercato.recommender.recommendation.Recommendations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations")
@Validated
@Tag(name = "recommendations", description = "Personal, similar-item and popular products")
class RecommendationController {

	private final RecommendationService recommendations;

	RecommendationController(RecommendationService recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping("/me")
	@Operation(summary = "Products for the signed-in shopper (never one they bought); popular ones for a new shopper")
	Recommendations forMe(CurrentUser user,
			@RequestParam(defaultValue = "10") @Min(1) @Max(RecommendationService.MAX_LIMIT) int limit) {
		return this.recommendations.forUser(user.id(), limit);
	}

	@GetMapping({ "/products/{id}", "/products/{id}/similar" })
	@Operation(summary = "Products shoppers of this one also viewed and bought; popular ones for an unknown product")
	Recommendations similar(@PathVariable UUID id,
			@RequestParam(defaultValue = "10") @Min(1) @Max(RecommendationService.MAX_LIMIT) int limit) {
		return this.recommendations.similarTo(id, limit);
	}

	@GetMapping("/popular")
	@Operation(summary = "The most popular products, optionally of one category (id or name)")
	Recommendations popular(@RequestParam(required = false) @Size(min = 1, max = 200) String category,
			@RequestParam(defaultValue = "10") @Min(1) @Max(RecommendationService.MAX_LIMIT) int limit) {
		return this.recommendations.popular(category, limit);
	}

}
