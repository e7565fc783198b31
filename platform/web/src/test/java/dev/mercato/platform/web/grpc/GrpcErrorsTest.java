package dev.mercato.platform.web.grpc;

import java.time.Duration;

import io.grpc.Status;
import io.grpc.StatusException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.mercato.platform.web.BusinessRuleException;
import dev.mercato.platform.web.ConflictException;
import dev.mercato.platform.web.DependencyUnavailableException;
import dev.mercato.platform.web.ForbiddenException;
import dev.mercato.platform.web.InvalidRequestException;
import dev.mercato.platform.web.NotFoundException;
import dev.mercato.platform.web.TooManyRequestsException;
import dev.mercato.platform.web.UnauthorizedException;

import static org.assertj.core.api.Assertions.assertThat;

class GrpcErrorsTest {

	private final GrpcErrors errors = new GrpcErrors();

	@Test
	void theSharedExceptionsMapByTheirKind() {
		assertThat(code(new InvalidRequestException("BAD", "x"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(code(new UnauthorizedException("NO", "x"))).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(code(new ForbiddenException("NO", "x"))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(code(new NotFoundException("GONE", "x"))).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(code(new ConflictException("TWICE", "x"))).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(code(new BusinessRuleException("RULE", "x"))).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(code(new TooManyRequestsException("SLOW", "x", Duration.ofSeconds(1))))
			.isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		assertThat(code(new DependencyUnavailableException("DOWN", "x"))).isEqualTo(Status.Code.UNAVAILABLE);
	}

	@Test
	void aSharedExceptionSendsItsDetailAndCode() {
		StatusException answer = this.errors.handleException(new NotFoundException("ORDER_NOT_FOUND", "No order 42"));
		assertThat(answer.getStatus().getDescription()).isEqualTo("No order 42");
		assertThat(answer.getTrailers().get(GrpcErrors.CODE_KEY)).isEqualTo("ORDER_NOT_FOUND");
	}

	@Test
	void securityExceptionsAreUnauthenticatedOrDenied() {
		assertThat(code(new BadCredentialsException("bad token"))).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(code(new AccessDeniedException("no"))).isEqualTo(Status.Code.PERMISSION_DENIED);
	}

	@Test
	void aDatabaseThatIsDownOrALostRaceIsUnavailable() {
		assertThat(code(new DataAccessResourceFailureException("down"))).isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(code(new CannotAcquireLockException("deadlock"))).isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(code(new QueryTimeoutException("slow"))).isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(code(new CannotCreateTransactionException("no connection"))).isEqualTo(Status.Code.UNAVAILABLE);
	}

	@Test
	void aStatusThrownOnPurposeIsKept() {
		assertThat(code(Status.ABORTED.withDescription("again").asRuntimeException())).isEqualTo(Status.Code.ABORTED);
		assertThat(code(Status.OUT_OF_RANGE.asException())).isEqualTo(Status.Code.OUT_OF_RANGE);
	}

	@Test
	void anythingElseIsInternalWithoutItsMessage() {
		Status status = this.errors.statusOf(new IllegalStateException("secret table t_x broke"));
		assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
		assertThat(status.getDescription()).doesNotContain("secret");
		assertThat(status.getCause()).isNull();
		Status integrity = this.errors.statusOf(new DataIntegrityViolationException("duplicate key value secret"));
		assertThat(integrity.getCode()).isEqualTo(Status.Code.INTERNAL);
		assertThat(integrity.getDescription()).doesNotContain("secret");
	}

	@Test
	void everyServiceWithAGrpcServerGetsTheMapping() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GrpcErrorsAutoConfiguration.class))
			.run((context) -> assertThat(context).getBean(GrpcExceptionHandler.class).isInstanceOf(GrpcErrors.class));
	}

	private Status.Code code(Throwable exception) {
		return this.errors.statusOf(exception).getCode();
	}

}
