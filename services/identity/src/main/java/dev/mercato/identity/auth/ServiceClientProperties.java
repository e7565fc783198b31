package dev.mercato.identity.auth;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services that may obtain service tokens, with their secrets:
 * {@code mercato.identity.service-clients.<name>=<secret>} (environment:
 * {@code MERCATO_IDENTITY_SERVICECLIENTS_<NAME>}).
 *
 * @param serviceClients client id → secret
 */
@ConfigurationProperties("mercato.identity")
public record ServiceClientProperties(Map<String, String> serviceClients) {

	public ServiceClientProperties {
		serviceClients = (serviceClients != null) ? Map.copyOf(serviceClients) : Map.of();
	}

	@Override
	public String toString() {
		return "ServiceClientProperties" + this.serviceClients.keySet();
	}

}
