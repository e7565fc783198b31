/**
 * gRPC error mapping shared by every service.
 */
package dev.mercato.platform.web.grpc;
