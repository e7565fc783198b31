package dev.mercato.ordering;

import java.time.Clock;

import dev.mercato.contracts.catalog.v1.ProductServiceGrpc;
import dev.mercato.contracts.identity.v1.UserServiceGrpc;
import dev.mercato.contracts.inventory.v1.InventoryServiceGrpc;
import dev.mercato.contracts.payment.v1.PaymentServiceGrpc;

import io.grpc.ManagedChannel;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Clock and the blocking stubs of the saga's participants (channels
 * {@code spring.grpc.client.channels.<name>}; the platform's global interceptor adds
 * ordering's service token to every call).
 */
@Configuration(proxyBeanMethods = false)
class OrderingConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ManagedChannel identityChannel(GrpcChannelFactory channels) {
		return channels.createChannel("identity");
	}

	@Bean
	ManagedChannel catalogChannel(GrpcChannelFactory channels) {
		return channels.createChannel("catalog");
	}

	@Bean
	ManagedChannel inventoryChannel(GrpcChannelFactory channels) {
		return channels.createChannel("inventory");
	}

	@Bean
	ManagedChannel paymentChannel(GrpcChannelFactory channels) {
		return channels.createChannel("payment");
	}

	@Bean
	UserServiceGrpc.UserServiceBlockingStub identityStub(@Qualifier("identityChannel") ManagedChannel channel) {
		return UserServiceGrpc.newBlockingStub(channel);
	}

	@Bean
	ProductServiceGrpc.ProductServiceBlockingStub catalogStub(@Qualifier("catalogChannel") ManagedChannel channel) {
		return ProductServiceGrpc.newBlockingStub(channel);
	}

	@Bean
	InventoryServiceGrpc.InventoryServiceBlockingStub inventoryStub(
			@Qualifier("inventoryChannel") ManagedChannel channel) {
		return InventoryServiceGrpc.newBlockingStub(channel);
	}

	@Bean
	PaymentServiceGrpc.PaymentServiceBlockingStub paymentStub(@Qualifier("paymentChannel") ManagedChannel channel) {
		return PaymentServiceGrpc.newBlockingStub(channel);
	}

}
