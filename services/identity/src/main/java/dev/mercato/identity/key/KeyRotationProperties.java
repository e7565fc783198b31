package dev.mercato.identity.key;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing-key rotation.
 *
 * @param rotationPeriod age at which the active key is replaced by a new one
 * @param retirementMargin how long after the last token signed by a replaced key has
 * expired the key stays published; covers clock skew and instances that still sign with
 * their cached key (they re-read the key table at least every 5 minutes)
 * @param checkInterval how often each instance checks whether a rotation is due
 */
@ConfigurationProperties("mercato.identity.keys")
public record KeyRotationProperties(@DefaultValue("30d") Duration rotationPeriod,
		@DefaultValue("10m") Duration retirementMargin, @DefaultValue("1h") Duration checkInterval) {

}
