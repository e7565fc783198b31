package dev.mercato.notification.preference.web;

import dev.mercato.notification.preference.Preferences;
import dev.mercato.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications/preferences")
class PreferenceController {

	private final Preferences preferences;

	PreferenceController(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	PreferencesBody get(CurrentUser user) {
		return PreferencesBody.of(this.preferences.of(user.id()));
	}

	@PutMapping
	PreferencesBody put(@RequestBody PreferencesBody body, CurrentUser user) {
		return PreferencesBody.of(this.preferences.update(user.id(), body.choices()));
	}

}
