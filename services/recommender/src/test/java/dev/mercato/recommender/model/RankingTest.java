package dev.mercato.recommender.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

	@Test
	void bestFirstWithoutExcluded() {
		double[] scores = { 0.1, 0.9, 0.5, 0.7, 0.3 };
		assertThat(Ranking.top(scores, 3, (i) -> i == 3)).containsExactly(1, 2, 4);
		assertThat(Ranking.top(scores, 10, (i) -> false)).containsExactly(1, 3, 2, 4, 0);
		assertThat(Ranking.top(scores, 0, (i) -> false)).isEmpty();
	}

}
