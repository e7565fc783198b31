package dev.mercato.ordering.checkout;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.grpc.Deadline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller's budget travels as the deadline of the gRPC context, which every stub call
 * made inside picks up.
 */
class ParticipantsTest {

	@Test
	void workRunsWithTheBudgetAsTheContextDeadline() {
		Deadline inside = Participants.within(Instant.now().plusSeconds(2), () -> Context.current().getDeadline());
		assertThat(inside).isNotNull();
		assertThat(inside.timeRemaining(TimeUnit.MILLISECONDS)).isBetween(1L, 2_000L);
		assertThat(Context.current().getDeadline()).isNull();
	}

	@Test
	void aNestedBudgetNeverExtendsTheOuterOne() {
		long remaining = Participants.within(Instant.now().plusSeconds(1),
				() -> Participants.within(Instant.now().plusSeconds(30),
						() -> Context.current().getDeadline().timeRemaining(TimeUnit.MILLISECONDS)));
		assertThat(remaining).isLessThanOrEqualTo(1_000L);
	}

	@Test
	void aBudgetThatHasRunOutStillRunsTheWork() {
		assertThat(
				Participants.within(Instant.now().minusSeconds(1), () -> Context.current().getDeadline().isExpired()))
			.isTrue();
	}

}
