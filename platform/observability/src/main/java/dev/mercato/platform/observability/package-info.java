/**
 * Observability every service gets by depending on this module: Prometheus metrics,
 * OpenTelemetry tracing propagated over HTTP, gRPC and messages, and JSON logs with trace
 * and request ids.
 */
package dev.mercato.platform.observability;
