package dev.mercato.ordering.checkout.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.mercato.ordering.Money;
import dev.mercato.ordering.checkout.CheckoutRequest;
import dev.mercato.ordering.checkout.CheckoutResult;
import dev.mercato.ordering.checkout.CheckoutSaga;
import dev.mercato.ordering.checkout.CheckoutService;
import dev.mercato.ordering.order.OrderService;
import dev.mercato.ordering.order.OrderStatus;
import dev.mercato.ordering.order.OrderView;
import dev.mercato.ordering.order.ShippingAddress;
import dev.mercato.platform.test.TestJwtIssuer;
import dev.mercato.platform.web.BusinessRuleException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * POST /api/orders over HTTP: 201 for a settled checkout, 202 for a pending one, problem
 * documents for refusals, and the Idempotency-Key handed to the service.
 */
@WebMvcTest(controllers = CheckoutController.class)
class CheckoutControllerTest {

	static final TestJwtIssuer JWT = TestJwtIssuer.shared();

	static final UUID USER = UUID.randomUUID();

	static final String BODY = """
			{"shippingAddress": {"name": "Ada", "line1": "1 Way", "city": "London", "postalCode": "N1", "country": "GB"},
			 "payment": {"token": "tok_visa"}}""";

	@DynamicPropertySource
	static void jwt(DynamicPropertyRegistry registry) {
		registry.add("mercato.security.jwt.jwks-uri", JWT::jwksUri);
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CheckoutService checkout;

	// the controller also cancels orders (not exercised here)
	@MockitoBean
	CheckoutSaga saga;

	@MockitoBean
	OrderService orders;

	@Test
	void aSettledCheckoutIs201WithTheOrderAndItsLocation() throws Exception {
		OrderView order = order(OrderStatus.CONFIRMED);
		given(this.checkout.checkout(any(), any(), eq("key-1"))).willReturn(new CheckoutResult(order, true));

		this.mvc
			.perform(post("/api/orders").header("Authorization", bearer())
				.header("Idempotency-Key", "key-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/api/orders/" + order.id())))
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.totalAmount.amount").value("19.99"))
			.andExpect(jsonPath("$.cancellationReason").doesNotExist());
	}

	@Test
	void aPendingCheckoutIs202() throws Exception {
		given(this.checkout.checkout(any(), any(), any()))
			.willReturn(new CheckoutResult(order(OrderStatus.PENDING), false));

		this.mvc
			.perform(post("/api/orders").header("Authorization", bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("PENDING"));
	}

	@Test
	void invalidBodiesAre400ProblemsAndReachNoService() throws Exception {
		this.mvc
			.perform(post("/api/orders").header("Authorization", bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY.replace("\"token\": \"tok_visa\"", "\"token\": \"t\", \"methodId\": \"pm\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").exists());
		this.mvc
			.perform(post("/api/orders").header("Authorization", bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY.replace("\"GB\"", "\"Great Britain\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors").isArray());
		verify(this.checkout, never()).checkout(any(), any(CheckoutRequest.class), any());
	}

	@Test
	void businessRefusalsAre422AndAnonymousCallersAre401() throws Exception {
		given(this.checkout.checkout(any(), any(), any()))
			.willThrow(new BusinessRuleException("CART_EMPTY", "The cart is empty"));

		this.mvc
			.perform(post("/api/orders").header("Authorization", bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("CART_EMPTY"));
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isUnauthorized());
	}

	private static String bearer() {
		return "Bearer " + JWT.token(USER, "CUSTOMER");
	}

	private static OrderView order(OrderStatus status) {
		Money.Json price = new Money.Json("19.99", "USD");
		return new OrderView(UUID.randomUUID(), USER, status,
				List.of(new OrderView.Item(UUID.randomUUID(), "SKU", "Mug", price, 1, price)), price,
				new ShippingAddress("Ada", "1 Way", null, "London", "N1", "GB"), null, null, null, null, Instant.now(),
				Instant.now());
	}

}
