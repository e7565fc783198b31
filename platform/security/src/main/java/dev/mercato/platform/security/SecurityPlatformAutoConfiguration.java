package dev.mercato.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import dev.mercato.platform.security.reactive.ReactiveSecurityConfiguration;
import dev.mercato.platform.security.servlet.ServletSecurityConfiguration;

/**
 * JWT resource-server set-up for every Mercato service; runs before Spring Boot's own
 * security auto-configuration so that Boot's defaults back off.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration" })
@EnableConfigurationProperties(SecurityPlatformProperties.class)
@Import({ ServletSecurityConfiguration.class, ReactiveSecurityConfiguration.class, ServiceTokenConfiguration.class })
public class SecurityPlatformAutoConfiguration {

}
