package dev.mercato.recommender;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecommenderConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
