package dev.mercato.identity.key;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link SigningKeys#rotateIfDue()} every
 * {@code mercato.identity.keys.check-interval} on every instance; the table lock inside
 * makes concurrent runs safe.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KeyRotation implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(KeyRotation.class);

	private final SigningKeys keys;

	private final KeyRotationProperties properties;

	KeyRotation(SigningKeys keys, KeyRotationProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::rotate, this.properties.checkInterval());
	}

	private void rotate() {
		try {
			this.keys.rotateIfDue();
		}
		catch (RuntimeException ex) {
			// The current key keeps working; the next run tries again.
			logger.error("Signing-key rotation failed", ex);
		}
	}

}
