package dev.mercato.recommender.model;

import java.util.Arrays;

/**
 * The user × item matrix of implicit feedback: per (user, item) the summed strength of
 * what the user did with the item (views, cart additions, purchases, weighted). Held
 * twice in compressed sparse rows, by user and by item, because alternating least squares
 * walks it both ways. Users and items are dense indexes {@code 0..users-1} and
 * {@code 0..items-1}; the caller keeps the mapping to ids.
 */
public final class InteractionMatrix {

	private final int users;

	private final int items;

	private final int[] userStart;

	private final int[] userItems;

	private final float[] userValues;

	private final int[] itemStart;

	private final int[] itemUsers;

	private final float[] itemValues;

	private InteractionMatrix(int users, int items, int[] userStart, int[] userItems, float[] userValues,
			int[] itemStart, int[] itemUsers, float[] itemValues) {
		this.users = users;
		this.items = items;
		this.userStart = userStart;
		this.userItems = userItems;
		this.userValues = userValues;
		this.itemStart = itemStart;
		this.itemUsers = itemUsers;
		this.itemValues = itemValues;
	}

	/**
	 * Builds the matrix from coordinate triples; repeated (user, item) pairs are summed.
	 * @param users number of users
	 * @param items number of items
	 * @param user user index of each entry
	 * @param item item index of each entry
	 * @param value strength of each entry (positive)
	 * @param count number of entries used from the arrays
	 * @return the matrix
	 */
	public static InteractionMatrix of(int users, int items, int[] user, int[] item, float[] value, int count) {
		// sort entries by (user, item) through a counting sort on user, then item order
		// within
		// each user, so duplicates are neighbours and can be summed
		int[] start = new int[users + 1];
		for (int e = 0; e < count; e++) {
			start[user[e] + 1]++;
		}
		for (int u = 0; u < users; u++) {
			start[u + 1] += start[u];
		}
		int[] next = Arrays.copyOf(start, users);
		int[] cols = new int[count];
		float[] vals = new float[count];
		for (int e = 0; e < count; e++) {
			int at = next[user[e]]++;
			cols[at] = item[e];
			vals[at] = value[e];
		}
		int[] outStart = new int[users + 1];
		int[] outCols = new int[count];
		float[] outVals = new float[count];
		int n = 0;
		long[] keys = new long[0];
		for (int u = 0; u < users; u++) {
			int from = start[u];
			int to = start[u + 1];
			int len = to - from;
			if (keys.length < len) {
				keys = new long[Math.max(len, keys.length * 2)];
			}
			for (int k = 0; k < len; k++) {
				// item in the high bits, position in the low bits: sorting keeps the
				// value
				// findable
				keys[k] = ((long) cols[from + k] << 32) | (from + k);
			}
			Arrays.sort(keys, 0, len);
			int lastItem = -1;
			for (int k = 0; k < len; k++) {
				int it = (int) (keys[k] >>> 32);
				float v = vals[(int) keys[k]];
				if (it == lastItem) {
					outVals[n - 1] += v;
				}
				else {
					outCols[n] = it;
					outVals[n] = v;
					n++;
					lastItem = it;
				}
			}
			outStart[u + 1] = n;
		}
		int[] userItems = Arrays.copyOf(outCols, n);
		float[] userValues = Arrays.copyOf(outVals, n);
		// the transpose
		int[] itemStart = new int[items + 1];
		for (int k = 0; k < n; k++) {
			itemStart[userItems[k] + 1]++;
		}
		for (int i = 0; i < items; i++) {
			itemStart[i + 1] += itemStart[i];
		}
		int[] fill = Arrays.copyOf(itemStart, items);
		int[] itemUsers = new int[n];
		float[] itemValues = new float[n];
		for (int u = 0; u < users; u++) {
			for (int k = outStart[u]; k < outStart[u + 1]; k++) {
				int at = fill[userItems[k]]++;
				itemUsers[at] = u;
				itemValues[at] = userValues[k];
			}
		}
		return new InteractionMatrix(users, items, outStart, userItems, userValues, itemStart, itemUsers, itemValues);
	}

	public int users() {
		return this.users;
	}

	public int items() {
		return this.items;
	}

	/**
	 * Number of distinct (user, item) pairs.
	 * @return the count of non-zero entries
	 */
	public int entries() {
		return this.userItems.length;
	}

	/**
	 * The matrix with users and items swapped (no copy).
	 * @return the transpose
	 */
	public InteractionMatrix transpose() {
		return new InteractionMatrix(this.items, this.users, this.itemStart, this.itemUsers, this.itemValues,
				this.userStart, this.userItems, this.userValues);
	}

	int rowStart(int row) {
		return this.userStart[row];
	}

	int rowEnd(int row) {
		return this.userStart[row + 1];
	}

	int column(int entry) {
		return this.userItems[entry];
	}

	float value(int entry) {
		return this.userValues[entry];
	}

	/**
	 * The items of a user, in ascending index order.
	 * @param user the user index
	 * @return item indexes
	 */
	public int[] itemsOf(int user) {
		return Arrays.copyOfRange(this.userItems, this.userStart[user], this.userStart[user + 1]);
	}

	/**
	 * Per item, the number of distinct users who interacted with it.
	 * @return counts indexed by item
	 */
	public int[] usersPerItem() {
		int[] counts = new int[this.items];
		for (int i = 0; i < this.items; i++) {
			counts[i] = this.itemStart[i + 1] - this.itemStart[i];
		}
		return counts;
	}

}
