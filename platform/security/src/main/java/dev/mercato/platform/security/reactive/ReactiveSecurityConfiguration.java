package dev.mercato.platform.security.reactive;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import dev.mercato.platform.security.MercatoJwt;
import dev.mercato.platform.security.PublicPath;
import dev.mercato.platform.security.SecurityPlatformProperties;
import dev.mercato.platform.security.VerifiedTokens;

/**
 * A WebFlux application (the gateway) as a JWT resource server with the same rules as the
 * servlet services. 401/403 are passed on as errors, so the problem-details handler of
 * platform-web answers them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
public class ReactiveSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtDecoder reactiveJwtDecoder(SecurityPlatformProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwt().jwksUri())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> validator = MercatoJwt.validator(properties.jwt());
		decoder.setJwtValidator(validator);
		return new CachedReactiveJwtDecoder(new VerifiedTokens(validator, properties.jwt().cacheSize()), decoder);
	}

	@Bean
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	SecurityWebFilterChain mercatoSecurityWebFilterChain(ServerHttpSecurity http,
			SecurityPlatformProperties properties) {
		ServerAuthenticationEntryPoint entryPoint = (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			return Mono.error(ex);
		};
		ServerAccessDeniedHandler accessDenied = (exchange, ex) -> Mono.error(ex);
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.authorizeExchange((exchanges) -> {
				properties.allPublicPaths().stream().map(PublicPath::parse).forEach((path) -> {
					if (path.method() != null) {
						exchanges.pathMatchers(path.method(), path.pattern()).permitAll();
					}
					else {
						exchanges.pathMatchers(path.pattern()).permitAll();
					}
				});
				exchanges.anyExchange().authenticated();
			})
			.oauth2ResourceServer((oauth2) -> oauth2
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(
						new ReactiveJwtAuthenticationConverterAdapter(MercatoJwt.authenticationConverter())))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		return http.build();
	}

}
