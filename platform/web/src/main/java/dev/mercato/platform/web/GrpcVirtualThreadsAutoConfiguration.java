package dev.mercato.platform.web;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.context.annotation.Bean;

/**
 * gRPC calls get a virtual thread each, as HTTP requests do with
 * {@code spring.threads.virtual.enabled}: handlers block on JDBC, locks and other
 * services, and Spring gRPC would otherwise run them on a small platform-thread pool.
 */
@AutoConfiguration
@ConditionalOnClass(GrpcServerExecutorProvider.class)
@ConditionalOnBooleanProperty("spring.threads.virtual.enabled")
public class GrpcVirtualThreadsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GrpcServerExecutorProvider grpcServerExecutorProvider() {
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		return () -> executor;
	}

}
