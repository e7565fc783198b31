package dev.mercato.recommender;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Recommender service: records what shoppers view, add to their carts and buy, learns an
 * implicit-feedback matrix-factorisation model from it in the background, and answers
 * personal, similar-item and popular recommendations.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RecommenderApplication {

	public static void main(String[] args) {
		SpringApplication.run(RecommenderApplication.class, args);
	}

}
