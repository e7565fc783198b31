package dev.mercato.inventory.reservation;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReservationLineTest {

	@Test
	void normaliseMergesRepeatedProductsAndSortsInLockOrder() {
		UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
		UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
		List<ReservationLine> lines = ReservationLine
			.normalise(List.of(new ReservationLine(b, 1), new ReservationLine(a, 2), new ReservationLine(b, 3)));
		assertThat(lines).containsExactly(new ReservationLine(a, 2), new ReservationLine(b, 4));
	}

	@Test
	void lockOrderIsTheSameWhateverTheRequestOrder() {
		List<ReservationLine> some = List.of(line(), line(), line(), line());
		assertThat(ReservationLine.normalise(some)).isEqualTo(ReservationLine.normalise(some.reversed()));
	}

	@Test
	void quantityMustBePositiveAndProductPresent() {
		assertThatExceptionOfType(InvalidReservationException.class)
			.isThrownBy(() -> new ReservationLine(UUID.randomUUID(), 0));
		assertThatExceptionOfType(InvalidReservationException.class)
			.isThrownBy(() -> new ReservationLine(UUID.randomUUID(), -1));
		assertThatExceptionOfType(InvalidReservationException.class).isThrownBy(() -> new ReservationLine(null, 1));
	}

	@Test
	void mergedQuantitiesThatOverflowAreRejected() {
		UUID a = UUID.randomUUID();
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> ReservationLine
			.normalise(List.of(new ReservationLine(a, Integer.MAX_VALUE), new ReservationLine(a, 1))));
	}

	private static ReservationLine line() {
		return new ReservationLine(UUID.randomUUID(), 1);
	}

}
