package dev.mercato.gateway.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway probes the services for {@code GET /api/health}.
 *
 * @param timeout how long one instance may take to answer its health check before it
 * counts as down
 * @param pongWindow how long pongs are collected after the ping is published on the event
 * bus
 */
@ConfigurationProperties("mercato.gateway.health")
record HealthProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("1s") Duration pongWindow) {

}
