package dev.mercato.recommender.evaluation;

import java.util.List;

import dev.mercato.recommender.model.AlsParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model against popularity on a small generated log whose users fall into taste
 * groups: a model that learned nothing but popularity (or was replaced by it) fails here.
 */
class PlantedStructureTest {

	@Test
	void modelFindsTheTasteGroupsPopularityCannot() {
		List<SyntheticInteractions.Interaction> log = new SyntheticInteractions(3_000, 1_500, 30_000, 60, 0.8, 7)
			.generate();
		int n = log.size();
		int[] users = new int[n];
		int[] items = new int[n];
		long[] times = new long[n];
		for (int e = 0; e < n; e++) {
			users[e] = log.get(e).user();
			items[e] = log.get(e).item();
			times[e] = log.get(e).timestamp();
		}

		OfflineEvaluation.Report report = OfflineEvaluation.evaluate(3_000, 1_500, users, items, times, n,
				new AlsParameters(32, 8, 0.1, 40, 2, 42));

		assertThat(report.testUsers()).isGreaterThan(2_000);
		assertThat(report.popularity().recall()).isPositive();
		assertThat(report.model().recall()).as(report.toString()).isGreaterThan(2 * report.popularity().recall());
		assertThat(report.model().ndcg()).as(report.toString()).isGreaterThan(2 * report.popularity().ndcg());
		assertThat(report.model().coverage()).as(report.toString()).isGreaterThan(10 * report.popularity().coverage());
	}

}
