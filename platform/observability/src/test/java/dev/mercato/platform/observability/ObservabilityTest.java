package dev.mercato.platform.observability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.application.name=probe")
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@LocalServerPort
	int port;

	private RestClient client() {
		return RestClient.create("http://127.0.0.1:" + this.port);
	}

	@Test
	void incomingTraceparentIsContinuedAndLoggedAsJson(CapturedOutput output) {
		String traceId = client().get()
			.uri("/probe/trace")
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.retrieve()
			.body(String.class);
		assertThat(traceId).isEqualTo(TRACE_ID);
		assertThat(output.getOut()).containsPattern(
				"\\{[^\\n]*\"message\":\"probe request handled\"[^\\n]*\"traceId\":\"" + TRACE_ID + "\"[^\\n]*\\}");
		assertThat(output.getOut()).containsPattern("\"requestId\":\"[0-9a-f-]{36}\"");
	}

	@Test
	void outgoingCallsCarryTheTrace() {
		String downstreamTraceparent = client().get()
			.uri("/probe/downstream")
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.header("X-Port", String.valueOf(this.port))
			.retrieve()
			.body(String.class);
		assertThat(downstreamTraceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void prometheusEndpointServesApplicationTaggedMetrics() {
		client().get().uri("/probe/trace").retrieve().toBodilessEntity();
		String metrics = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(metrics).contains("http_server_requests_seconds_count").contains("application=\"probe\"");
	}

}
