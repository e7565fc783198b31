package dev.mercato.platform.web.grpc;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.grpc.server.autoconfigure.exception.GrpcExceptionHandlerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * Registers {@link GrpcErrors} in every service with a gRPC server; Spring gRPC's
 * exception interceptor applies it to every call.
 */
@AutoConfiguration(before = GrpcExceptionHandlerAutoConfiguration.class)
@ConditionalOnClass(GrpcExceptionHandler.class)
public class GrpcErrorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GrpcErrors grpcErrors() {
		return new GrpcErrors();
	}

}
