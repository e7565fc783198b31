package dev.mercato.platform.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class GrpcVirtualThreadsAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GrpcVirtualThreadsAutoConfiguration.class));

	@Test
	void grpcCallsRunOnVirtualThreadsWhenTheServiceUsesThem() {
		this.runner.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			GrpcServerExecutorProvider provider = context.getBean(GrpcServerExecutorProvider.class);
			CompletableFuture<Boolean> virtual = new CompletableFuture<>();
			provider.getExecutor().execute(() -> virtual.complete(Thread.currentThread().isVirtual()));
			assertThat(virtual.get(5, TimeUnit.SECONDS)).isTrue();
		});
	}

	@Test
	void platformThreadsStayWithoutVirtualThreads() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(GrpcServerExecutorProvider.class));
	}

}
