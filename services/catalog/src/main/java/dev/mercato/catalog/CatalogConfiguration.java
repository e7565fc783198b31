package dev.mercato.catalog;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	// GetProducts blocks on JDBC: give each call a virtual thread, as HTTP requests have.
	@Bean
	GrpcServerExecutorProvider grpcServerExecutorProvider() {
		Executor executor = Executors.newVirtualThreadPerTaskExecutor();
		return () -> executor;
	}

}
