package dev.mercato.inventory;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	// Reserve/Commit/Release block on JDBC (and on row locks under contention): give each
	// call a virtual thread, as HTTP requests have.
	@Bean
	GrpcServerExecutorProvider grpcServerExecutorProvider() {
		Executor executor = Executors.newVirtualThreadPerTaskExecutor();
		return () -> executor;
	}

}
