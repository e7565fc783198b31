package dev.mercato.recommender.model;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ejml.data.DMatrixRMaj;

/**
 * A trained model with the ids its rows stand for: what serving reads. Immutable once
 * built, so it can be swapped in with one volatile write and read by any thread.
 */
public final class TrainedModel {

	/** The model family, as answers name it. */
	public static final String KIND = "implicit-als";

	private final ModelInfo info;

	private final UUID[] userIds;

	private final UUID[] itemIds;

	private final Factors factors;

	private final Map<UUID, Integer> userIndex;

	private final Map<UUID, Integer> itemIndex;

	TrainedModel(ModelInfo info, UUID[] userIds, UUID[] itemIds, Factors factors) {
		this.info = info;
		this.userIds = userIds;
		this.itemIds = itemIds;
		this.factors = factors;
		this.userIndex = index(userIds);
		this.itemIndex = index(itemIds);
	}

	public ModelInfo info() {
		return this.info;
	}

	/**
	 * Every item's score for a user the model knows.
	 * @param userId the user
	 * @return scores by item index, empty for a user unknown to the model
	 */
	public Optional<double[]> scoresFor(UUID userId) {
		Integer user = this.userIndex.get(userId);
		return (user != null) ? Optional.of(this.factors.scoresOf(user)) : Optional.empty();
	}

	/**
	 * Every item's similarity to an item the model knows.
	 * @param productId the item
	 * @return cosine similarities by item index, empty for an unknown item
	 */
	public Optional<double[]> similaritiesTo(UUID productId) {
		Integer item = this.itemIndex.get(productId);
		return (item != null) ? Optional.of(this.factors.similarTo(item)) : Optional.empty();
	}

	/**
	 * The product of an item index.
	 * @param item the index
	 * @return its id
	 */
	public UUID productAt(int item) {
		return this.itemIds[item];
	}

	/**
	 * The index of a product.
	 * @param productId the product
	 * @return its index, or -1
	 */
	public int indexOf(UUID productId) {
		return this.itemIndex.getOrDefault(productId, -1);
	}

	/**
	 * The model as bytes: dimensions, ids, then the factors as 32-bit floats (half the
	 * size of doubles, and serving needs no more precision).
	 * @return the payload stored in {@code models.payload}
	 */
	byte[] toBytes() {
		int k = this.factors.dimension();
		int size = 12 + 16 * (this.userIds.length + this.itemIds.length)
				+ 4 * k * (this.userIds.length + this.itemIds.length);
		ByteBuffer buffer = ByteBuffer.allocate(size);
		buffer.putInt(this.userIds.length).putInt(this.itemIds.length).putInt(k);
		for (UUID id : this.userIds) {
			buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
		}
		for (UUID id : this.itemIds) {
			buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
		}
		for (double value : this.factors.users().data) {
			buffer.putFloat((float) value);
		}
		for (double value : this.factors.items().data) {
			buffer.putFloat((float) value);
		}
		return buffer.array();
	}

	static TrainedModel fromBytes(ModelInfo info, byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		int users = buffer.getInt();
		int items = buffer.getInt();
		int k = buffer.getInt();
		UUID[] userIds = new UUID[users];
		for (int i = 0; i < users; i++) {
			userIds[i] = new UUID(buffer.getLong(), buffer.getLong());
		}
		UUID[] itemIds = new UUID[items];
		for (int i = 0; i < items; i++) {
			itemIds[i] = new UUID(buffer.getLong(), buffer.getLong());
		}
		DMatrixRMaj userFactors = new DMatrixRMaj(users, k);
		for (int i = 0; i < userFactors.data.length; i++) {
			userFactors.data[i] = buffer.getFloat();
		}
		DMatrixRMaj itemFactors = new DMatrixRMaj(items, k);
		for (int i = 0; i < itemFactors.data.length; i++) {
			itemFactors.data[i] = buffer.getFloat();
		}
		return new TrainedModel(info, userIds, itemIds, new Factors(userFactors, itemFactors));
	}

	private static Map<UUID, Integer> index(UUID[] ids) {
		Map<UUID, Integer> index = HashMap.newHashMap(ids.length);
		for (int i = 0; i < ids.length; i++) {
			index.put(ids[i], i);
		}
		return index;
	}

}
