package dev.mercato.identity.auth.web;

import java.time.Duration;
import java.util.List;

import dev.mercato.identity.auth.LoginThrottleProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

	private final ClientAddresses addresses = new ClientAddresses(new LoginThrottleProperties(Duration.ofMinutes(15), 5,
			Duration.ofSeconds(30), Duration.ofMinutes(15), 20, List.of("10.1.1.1")));

	@Test
	void theForwardedClientCountsWhenTheGatewaySentTheRequest() {
		assertThat(this.addresses.of(request("10.1.1.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(this.addresses.of(request("10.1.1.1", "198.51.100.7, 10.1.1.1"))).isEqualTo("198.51.100.7");
	}

	@Test
	void entriesTheClientForgedLeftOfWhatTheGatewaySawAreIgnored() {
		assertThat(this.addresses.of(request("10.1.1.1", "1.2.3.4, 198.51.100.7"))).isEqualTo("198.51.100.7");
	}

	@Test
	void forwardedForFromAnyoneElseIsIgnored() {
		assertThat(this.addresses.of(request("198.51.100.9", "1.2.3.4"))).isEqualTo("198.51.100.9");
	}

	@Test
	void withoutTheHeaderTheRemoteAddressCounts() {
		assertThat(this.addresses.of(request("10.1.1.1", null))).isEqualTo("10.1.1.1");
		assertThat(this.addresses.of(request("10.1.1.1", " , 10.1.1.1"))).isEqualTo("10.1.1.1");
	}

	private static MockHttpServletRequest request(String remote, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(remote);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
