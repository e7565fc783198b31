package dev.mercato.inventory;

import dev.mercato.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gRPC integration tests share: tokens from {@link TestJwtIssuer}, a client with
 * ordering's service token, and direct reads of the tables.
 */
public abstract class GrpcITSupport {

	@Autowired
	protected GrpcServerLifecycle grpcServer;

	@Autowired
	protected JdbcClient jdbc;

	protected InventoryDb db;

	protected InventoryGrpcClient inventory;

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", () -> TestJwtIssuer.shared().jwksUri());
	}

	@BeforeEach
	void openClient() {
		this.db = new InventoryDb(this.jdbc);
		this.inventory = new InventoryGrpcClient(this.grpcServer.getPort());
	}

	@AfterEach
	void closeClient() {
		this.inventory.close();
	}

}
