package dev.mercato.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What shoppers, sellers and admins do through the gateway in the checkout journeys: log
 * in, tokenize a sandbox card, fill the cart, check out, and what an admin reads to check
 * the invariants (orders, payments, stock).
 */
final class Shop {

	static final String CARD_OK = "4242424242424242";

	static final String CARD_DECLINED = "4000000000000002";

	static final String CARD_INSUFFICIENT = "4000000000009995";

	private final String gateway;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	Shop(String gateway) {
		this.gateway = gateway;
	}

	record Answer(int status, JsonNode json, String body) {

		String text(String field) {
			return this.json.path(field).asText();
		}

	}

	Answer call(String method, String path, String bearer, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = response.body().isBlank() ? Http.JSON.nullNode() : Http.JSON.readTree(response.body());
			return new Answer(response.statusCode(), json, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String login(String email, String password) {
		Answer login = call("POST", "/api/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login.text("accessToken");
	}

	String admin() {
		return login("admin@mercato.dev", "Admin123!");
	}

	/** A new customer account; its access token. */
	String newCustomer() {
		String email = "shopper-" + UUID.randomUUID() + "@example.com";
		Answer registered = call("POST", "/api/auth/register", null, "{\"email\":\"" + email
				+ "\",\"password\":\"Shopper123!\",\"firstName\":\"Sam\",\"lastName\":\"Shopper\"}");
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return login(email, "Shopper123!");
	}

	String cardToken(String number) {
		Answer token = call("POST", "/api/payments/sandbox/tokens", null,
				"{\"number\":\"" + number + "\",\"expMonth\":12,\"expYear\":2035,\"cvc\":\"123\"}");
		assertThat(token.status()).as(token.body()).isIn(200, 201);
		return token.text("token");
	}

	/** Demo products (not the ones journeys create with a few units). */
	List<JsonNode> products(int count) {
		Answer page = call("GET", "/api/products?size=100", null, null);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		JsonNode items = page.json().get("items");
		List<JsonNode> products = new ArrayList<>();
		for (JsonNode item : items) {
			if (!item.path("sku").asText().startsWith("SYS-") && products.size() < count) {
				products.add(item);
			}
		}
		return products;
	}

	void addToCart(String customer, String productId, int quantity) {
		Answer added = call("POST", "/api/cart/items", customer,
				"{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
	}

	Answer checkout(String customer, String cardToken, String itemsJson, String... headers) {
		String body = "{\"shippingAddress\":{\"name\":\"Sam Shopper\",\"line1\":\"1 Main St\",\"city\":\"Springfield\","
				+ "\"postalCode\":\"12345\",\"country\":\"US\"},\"payment\":{\"token\":\"" + cardToken + "\"}"
				+ ((itemsJson != null) ? ",\"items\":" + itemsJson : "") + "}";
		return call("POST", "/api/orders", customer, body, headers);
	}

	static String items(String productId, int quantity) {
		return "[{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}]";
	}

	/** {onHand, reserved}. */
	int[] stock(String admin, String productId) {
		Answer stock = call("GET", "/api/inventory/" + productId, admin, null);
		assertThat(stock.status()).as(stock.body()).isEqualTo(200);
		return new int[] { stock.json().get("onHand").asInt(), stock.json().get("reserved").asInt() };
	}

	/** The order's payments as payment reports them to an admin. */
	List<JsonNode> payments(String admin, String orderId) {
		Answer payments = call("GET", "/api/payments?orderId=" + orderId, admin, null);
		assertThat(payments.status()).as(payments.body()).isEqualTo(200);
		List<JsonNode> list = new ArrayList<>();
		payments.json().get("items").forEach(list::add);
		return list;
	}

	/**
	 * The invariant of ARCHITECTURE.md for one order: paid ⇔ captured (and not refunded);
	 * cancelled ⇒ no captured money left.
	 */
	void assertMoneyConsistent(String admin, String orderId, String status) {
		List<JsonNode> payments = payments(admin, orderId);
		BigDecimal kept = BigDecimal.ZERO;
		for (JsonNode payment : payments) {
			if ("CAPTURED".equals(payment.path("status").asText())
					|| "PARTIALLY_REFUNDED".equals(payment.path("status").asText())
					|| "REFUNDED".equals(payment.path("status").asText())) {
				kept = kept.add(new BigDecimal(payment.path("amount").path("amount").asText()))
					.subtract(new BigDecimal(payment.path("refundedAmount").path("amount").asText("0")));
			}
		}
		if ("CONFIRMED".equals(status)) {
			assertThat(payments).as("payments of confirmed order " + orderId).hasSize(1);
			assertThat(kept.signum()).as("money kept for confirmed order " + orderId).isPositive();
		}
		else {
			assertThat(kept.signum()).as("money kept for " + status + " order " + orderId + ": " + payments).isZero();
		}
	}

	/** A new product of the demo seller with exactly {@code units} in stock. */
	String productWithStock(int units, String priceAmount) {
		String seller = login("seller1@mercato.dev", "Seller123!");
		Answer categories = call("GET", "/api/categories", null, null);
		String category = categories.json().get(0).path("id").asText();
		ObjectNode product = Http.JSON.createObjectNode();
		product.put("sku", "SYS-" + UUID.randomUUID().toString().substring(0, 12));
		product.put("name", "Last units " + UUID.randomUUID().toString().substring(0, 6));
		product.put("description", "System test product");
		product.putObject("price").put("amount", priceAmount).put("currency", "USD");
		product.put("categoryId", category);
		Answer created = call("POST", "/api/products", seller, product.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.text("id");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> call("GET", "/api/inventory/" + id, seller, null).status() == 200);
		Answer adjusted = call("POST", "/api/inventory/" + id + "/adjustments", seller,
				"{\"delta\":" + units + ",\"reason\":\"system test stock\"}");
		assertThat(adjusted.status()).as(adjusted.body()).isIn(200, 201);
		return id;
	}

}
