package dev.mercato.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

import dev.mercato.platform.web.reactive.ProblemDetailsExceptionHandler;
import dev.mercato.platform.web.reactive.RequestIdWebFilter;
import dev.mercato.platform.web.servlet.ProblemDetailsAdvice;
import dev.mercato.platform.web.servlet.RequestIdFilter;

/**
 * Problem details and request ids for servlet (Spring MVC) and reactive (WebFlux)
 * applications.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
		"org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration" })
public class WebPlatformAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProblemDetailsAdvice problemDetailsAdvice() {
			return new ProblemDetailsAdvice();
		}

		@Bean
		FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
			FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
			// Before security and tracing filters, so their log lines carry the id too.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(ServerCodecConfigurer.class)
	static class ReactiveConfiguration {

		@Bean
		@Order(-2)
		@ConditionalOnMissingBean
		ProblemDetailsExceptionHandler problemDetailsExceptionHandler(ServerCodecConfigurer codecs) {
			return new ProblemDetailsExceptionHandler(codecs);
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		RequestIdWebFilter requestIdWebFilter() {
			return new RequestIdWebFilter();
		}

	}

}
