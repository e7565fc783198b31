package dev.mercato.recommender.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionMatrixTest {

	@Test
	void sumsRepeatedPairsAndKeepsBothDirections() {
		InteractionMatrix matrix = InteractionMatrix.of(3, 4, new int[] { 0, 0, 2, 0, 1 }, new int[] { 3, 1, 1, 3, 0 },
				new float[] { 1, 2, 3, 4, 5 }, 5);

		assertThat(matrix.entries()).isEqualTo(4);
		assertThat(matrix.itemsOf(0)).containsExactly(1, 3);
		assertThat(matrix.value(matrix.rowStart(0) + 1)).isEqualTo(5f); // 1 + 4
		assertThat(matrix.itemsOf(1)).containsExactly(0);
		assertThat(matrix.transpose().itemsOf(1)).containsExactly(0, 2);
		assertThat(matrix.usersPerItem()).containsExactly(1, 2, 0, 1);
	}

}
