package dev.mercato.gateway.docs;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.mercato.gateway.GatewayProperties;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Swagger UI at the gateway ({@code /swagger-ui.html}) listing the OpenAPI document
 * of every service in {@code mercato.gateway.services}: {@code /api-docs/<service>} is
 * routed to that service's {@code /v3/api-docs}, so the browser reads every document from
 * the gateway's origin.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static final String PREFIX = "/api-docs/";

	@Bean
	RouteLocator apiDocsRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		for (String service : properties.services()) {
			routes.route(service + "-api-docs",
					(route) -> route.path(PREFIX + service)
						.filters((filters) -> filters.setPath("/v3/api-docs"))
						.uri("lb://" + service));
		}
		return routes.build();
	}

	@Bean
	InitializingBean swaggerUiUrls(SwaggerUiConfigProperties swaggerUi, GatewayProperties properties) {
		return () -> {
			Set<SwaggerUrl> urls = new LinkedHashSet<>();
			for (String service : properties.services()) {
				urls.add(new SwaggerUrl(service, PREFIX + service, service));
			}
			swaggerUi.setUrls(urls);
		};
	}

}
