package dev.mercato.ordering;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import dev.mercato.contracts.catalog.v1.ProductServiceGrpc;
import dev.mercato.contracts.identity.v1.UserServiceGrpc;
import dev.mercato.contracts.inventory.v1.InventoryServiceGrpc;
import dev.mercato.contracts.payment.v1.PaymentServiceGrpc;

import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Clock, the gRPC server's executor and the blocking stubs of the saga's participants
 * (channels {@code spring.grpc.client.channels.<name>}; the platform's global interceptor
 * adds ordering's service token to every call).
 */
@Configuration(proxyBeanMethods = false)
class OrderingConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	GrpcServerExecutorProvider grpcServerExecutorProvider() {
		Executor executor = Executors.newVirtualThreadPerTaskExecutor();
		return () -> executor;
	}

	@Bean
	UserServiceGrpc.UserServiceBlockingStub identityStub(GrpcChannelFactory channels) {
		return UserServiceGrpc.newBlockingStub(channels.createChannel("identity"));
	}

	@Bean
	ProductServiceGrpc.ProductServiceBlockingStub catalogStub(GrpcChannelFactory channels) {
		return ProductServiceGrpc.newBlockingStub(channels.createChannel("catalog"));
	}

	@Bean
	InventoryServiceGrpc.InventoryServiceBlockingStub inventoryStub(GrpcChannelFactory channels) {
		return InventoryServiceGrpc.newBlockingStub(channels.createChannel("inventory"));
	}

	@Bean
	PaymentServiceGrpc.PaymentServiceBlockingStub paymentStub(GrpcChannelFactory channels) {
		return PaymentServiceGrpc.newBlockingStub(channels.createChannel("payment"));
	}

}
