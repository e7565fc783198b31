package dev.mercato.platform.security;

import java.time.Clock;

import io.grpc.ClientInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.client.RestClient;

/**
 * Internal calls: every gRPC server requires a JWT (Spring gRPC's resource-server
 * auto-configuration, given Mercato's roles mapping here), and every gRPC client sends
 * the service's own token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ServiceTokenConfiguration {

	/**
	 * Mercato's {@code roles} mapping, also picked up by Spring gRPC's server security so
	 * {@code @PreAuthorize} in gRPC services sees the same roles as in controllers.
	 * @return the converter
	 */
	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter mercatoJwtAuthenticationConverter() {
		return MercatoJwt.authenticationConverter();
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceTokens serviceTokens(SecurityPlatformProperties properties, Environment environment,
			ObjectProvider<RestClient.Builder> http) {
		String name = environment.getProperty("spring.application.name", "service");
		SecurityPlatformProperties.Service service = properties.service();
		String tokenUri = (service.tokenUri() != null) ? service.tokenUri()
				: environment.getProperty("MERCATO_IDENTITY_URL", "http://localhost:8081") + "/api/auth/service-token";
		String clientId = (service.clientId() != null) ? service.clientId() : name;
		String secret = (service.clientSecret() != null) ? service.clientSecret()
				: environment.getProperty("MERCATO_SERVICE_SECRET", "dev-secret-" + clientId);
		return new ServiceTokens(http.getIfAvailable(RestClient::builder), tokenUri, clientId, secret,
				Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ClientInterceptor.class, GlobalClientInterceptor.class })
	static class GrpcClientConfiguration {

		@Bean
		@GlobalClientInterceptor
		ServiceTokenClientInterceptor serviceTokenClientInterceptor(ServiceTokens tokens) {
			return new ServiceTokenClientInterceptor(tokens);
		}

	}

}
