package dev.mercato.recommender.model;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainedModelTest {

	@Test
	void persistedBytesServeTheSameScores() {
		InteractionMatrix matrix = InteractionMatrix.of(3, 3, new int[] { 0, 0, 1, 2 }, new int[] { 0, 1, 1, 2 },
				new float[] { 1, 1, 1, 1 }, 4);
		Factors factors = ImplicitAls.train(matrix, new AlsParameters(4, 3, 0.5, 10, 1, 1));
		UUID[] users = { UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID() };
		UUID[] items = { UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID() };
		ModelInfo info = new ModelInfo(7, TrainedModel.KIND, Instant.now(), 5, 3, 3, 4, 4);
		TrainedModel model = new TrainedModel(info, users, items, factors);

		TrainedModel restored = TrainedModel.fromBytes(info, model.toBytes());

		double[] expected = model.scoresFor(users[0]).orElseThrow();
		double[] actual = restored.scoresFor(users[0]).orElseThrow();
		for (int i = 0; i < expected.length; i++) {
			assertThat(actual[i]).isCloseTo(expected[i], within(1e-5));
		}
		assertThat(restored.productAt(2)).isEqualTo(items[2]);
		assertThat(restored.indexOf(items[1])).isEqualTo(1);
		assertThat(restored.scoresFor(UUID.randomUUID())).isEmpty();
		assertThat(restored.similaritiesTo(items[0]).orElseThrow()[0]).isCloseTo(1.0, within(1e-6));
	}

}
