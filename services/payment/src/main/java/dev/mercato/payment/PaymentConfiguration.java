package dev.mercato.payment;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	// Charge and Refund block on the provider and on JDBC: a virtual thread per call.
	@Bean
	GrpcServerExecutorProvider grpcServerExecutorProvider() {
		Executor executor = Executors.newVirtualThreadPerTaskExecutor();
		return () -> executor;
	}

}
