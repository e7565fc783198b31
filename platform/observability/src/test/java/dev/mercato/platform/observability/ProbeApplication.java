package dev.mercato.platform.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@SpringBootApplication
class ProbeApplication {

	@RestController
	static class ProbeController {

		private static final Logger log = LoggerFactory.getLogger(ProbeController.class);

		private final RestClient.Builder restClient;

		ProbeController(RestClient.Builder restClient) {
			this.restClient = restClient;
		}

		@GetMapping("/probe/trace")
		String trace() {
			log.info("probe request handled");
			return MDC.get("traceId");
		}

		/**
		 * Calls {@code /probe/echo} on the given port and returns the traceparent it
		 * received.
		 */
		@GetMapping("/probe/downstream")
		String downstream(@RequestHeader("X-Port") int port) {
			return this.restClient.build()
				.get()
				.uri("http://127.0.0.1:" + port + "/probe/echo")
				.retrieve()
				.body(String.class);
		}

		@GetMapping("/probe/echo")
		String echo(@RequestHeader(name = "traceparent", required = false) String traceparent) {
			return traceparent;
		}

	}

}
