package dev.mercato.notification.delivery.web;

import dev.mercato.notification.delivery.Notifications;
import dev.mercato.platform.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Validated
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	// Only the caller's own: there is no parameter naming another user.
	@GetMapping
	@Transactional(readOnly = true)
	NotificationPage mine(CurrentUser user, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return new NotificationPage(
				this.notifications.history(user.id(), page, size).stream().map(NotificationResponse::of).toList(), page,
				size, this.notifications.count(user.id()));
	}

}
