package dev.mercato.ordering;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The ordering service: carts, orders and the checkout saga that reserves stock, charges
 * the payment and commits the stock, compensating on failure.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrderingApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderingApplication.class, args);
	}

}
