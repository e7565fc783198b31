package dev.mercato.platform.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ProbeController.class)
class ProblemDetailsAdviceTest {

	@Autowired
	MockMvc mvc;

	@Test
	void apiExceptionsMapToTheirStatusWithCodeAndRequestId() throws Exception {
		this.mvc.perform(get("/probe/not-found").header("X-Request-Id", "req-123"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("X-Request-Id", "req-123"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.code").value("WIDGET_NOT_FOUND"))
			.andExpect(jsonPath("$.type").value("urn:mercato:problem:widget-not-found"))
			.andExpect(jsonPath("$.detail").value("No widget 7"))
			.andExpect(jsonPath("$.requestId").value("req-123"));
		this.mvc.perform(get("/probe/conflict")).andExpect(status().isConflict());
		this.mvc.perform(get("/probe/rule")).andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/probe/down"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("DOWN"));
		this.mvc.perform(get("/probe/slow-down"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"));
	}

	@Test
	void aForgedRequestIdIsReplaced() throws Exception {
		this.mvc.perform(get("/probe/not-found").header("X-Request-Id", "bad id\nforged log line"))
			.andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")))
			.andExpect(jsonPath("$.requestId").value(matchesPattern("[0-9a-f-]{36}")));
	}

	@Test
	void invalidFieldsAreListed() throws Exception {
		this.mvc.perform(post("/probe/widgets").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "", "quantity": 0}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'quantity')]").exists());
	}

	@Test
	void malformedJsonAndWrongTypesAre400NotServerErrors() throws Exception {
		this.mvc.perform(post("/probe/widgets").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
		this.mvc
			.perform(post("/probe/widgets").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"a\", \"quantity\": \"many\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quantity"));
		this.mvc.perform(get("/probe/items/not-a-number"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		this.mvc.perform(post("/probe/widgets").contentType(MediaType.TEXT_PLAIN).content("x"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
	}

	@Test
	void unknownPathIs404AndUnexpectedErrorsHideInternals() throws Exception {
		this.mvc.perform(get("/nowhere"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
		this.mvc.perform(get("/probe/boom"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
			.andExpect(jsonPath("$.detail").value(matchesPattern("An unexpected error occurred.*")));
	}

}
