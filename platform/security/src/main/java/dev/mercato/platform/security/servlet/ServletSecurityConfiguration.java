package dev.mercato.platform.security.servlet;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.mercato.platform.security.MercatoJwt;
import dev.mercato.platform.security.PublicPath;
import dev.mercato.platform.security.SecurityPlatformProperties;
import dev.mercato.platform.security.VerifiedTokens;
import dev.mercato.platform.web.DependencyUnavailableException;

/**
 * A Spring MVC service as a stateless JWT resource server: public paths from
 * configuration, everything else needs a valid access token, and 401/403 leave as problem
 * documents through the same advice as every other error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableMethodSecurity
public class ServletSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(SecurityPlatformProperties properties) {
		// Keys are fetched on first use and cached, so a service may start before
		// identity. Tokens verified once are remembered (VerifiedTokens).
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwt().jwksUri())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> validator = MercatoJwt.validator(properties.jwt());
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(validator, properties.jwt().cacheSize()).in(decoder);
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain mercatoSecurityFilterChain(HttpSecurity http, SecurityPlatformProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
		List<PublicPath> publicPaths = properties.allPublicPaths().stream().map(PublicPath::parse).toList();
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			exceptionResolver.resolveException(request, response, null, ex);
		};
		AccessDeniedHandler accessDenied = (request, response, ex) -> exceptionResolver.resolveException(request,
				response, null, ex);
		// The keys could not be fetched (identity unreachable): the client did nothing
		// wrong
		// and may retry, so 503, not the 500 Spring Security's default handler rethrows.
		AuthenticationFailureHandler bearerFailure = (request, response, ex) -> {
			if (ex instanceof AuthenticationServiceException) {
				exceptionResolver.resolveException(request, response, null,
						new DependencyUnavailableException("AUTHENTICATION_UNAVAILABLE",
								"Access tokens cannot be checked right now; try again shortly.", ex));
			}
			else {
				entryPoint.commence(request, response, ex);
			}
		};
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				for (PublicPath path : publicPaths) {
					requests
						.requestMatchers(
								PathPatternRequestMatcher.withDefaults().matcher(path.method(), path.pattern()))
						.permitAll();
				}
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((oauth2) -> oauth2
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(MercatoJwt.authenticationConverter()))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied)
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {

					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(bearerFailure);
						return filter;
					}

				}))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		return http.build();
	}

	@Bean
	WebMvcConfigurer currentUserArgumentResolver() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CurrentUserArgumentResolver());
			}

		};
	}

}
