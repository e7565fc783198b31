package dev.mercato.gateway.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway probes the services for {@code GET /api/health}.
 *
 * @param timeout how long one instance may take to answer its health check before it
 * counts as down
 */
@ConfigurationProperties("mercato.gateway.health")
record HealthProperties(@DefaultValue("2s") Duration timeout) {

}
