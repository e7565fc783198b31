package dev.mercato.recommender.model.web;

import dev.mercato.platform.security.CurrentUser;
import dev.mercato.recommender.model.LiveModel;
import dev.mercato.recommender.model.ModelInfo;
import dev.mercato.recommender.model.TrainedModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations/admin")
@Tag(name = "recommendations admin", description = "The model: status and retraining (ADMIN)")
class ModelAdminController {

	private final LiveModel live;

	ModelAdminController(LiveModel live) {
		this.live = live;
	}

	@PostMapping("/retrain")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Retrain now, in the background; the answer shows the model serving until it is done")
	ModelStatus retrain(CurrentUser user) {
		requireAdmin(user);
		this.live.retrain();
		return status(true);
	}

	@GetMapping("/model")
	@Operation(summary = "The model this instance serves and whether it is training")
	ModelStatus model(CurrentUser user) {
		requireAdmin(user);
		return status(false);
	}

	private ModelStatus status(boolean requested) {
		return new ModelStatus(this.live.current().map(TrainedModel::info).orElse(null),
				requested || this.live.isTraining());
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only admins manage the recommendation model");
		}
	}

	/**
	 * The model's status.
	 *
	 * @param serving the model this instance serves (absent before the first training)
	 * @param training whether a training run is under way or was just requested
	 */
	record ModelStatus(@Nullable ModelInfo serving, boolean training) {
	}

}
