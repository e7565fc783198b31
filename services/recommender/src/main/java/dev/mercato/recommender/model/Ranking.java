package dev.mercato.recommender.model;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The best-scored indexes of a score vector.
 */
public final class Ranking {

	private Ranking() {
	}

	/**
	 * The {@code n} highest-scored indexes, best first, skipping excluded ones.
	 * @param scores a score per index
	 * @param n how many
	 * @param excluded indexes never returned
	 * @return up to {@code n} indexes
	 */
	public static int[] top(double[] scores, int n, IntPredicate excluded) {
		// a min-heap of the best n so far: O(items · log n)
		int[] heap = new int[n];
		int size = 0;
		for (int i = 0; i < scores.length; i++) {
			if (excluded.test(i)) {
				continue;
			}
			if (size < n) {
				heap[size] = i;
				siftUp(heap, size++, scores);
			}
			else if (n > 0 && scores[i] > scores[heap[0]]) {
				heap[0] = i;
				siftDown(heap, size, scores);
			}
		}
		Integer[] sorted = new Integer[size];
		for (int i = 0; i < size; i++) {
			sorted[i] = heap[i];
		}
		Arrays.sort(sorted, (a, b) -> Double.compare(scores[b], scores[a]));
		return Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
	}

	private static void siftUp(int[] heap, int at, double[] scores) {
		while (at > 0) {
			int parent = (at - 1) / 2;
			if (scores[heap[at]] >= scores[heap[parent]]) {
				return;
			}
			swap(heap, at, parent);
			at = parent;
		}
	}

	private static void siftDown(int[] heap, int size, double[] scores) {
		int at = 0;
		while (true) {
			int left = 2 * at + 1;
			int smallest = at;
			if (left < size && scores[heap[left]] < scores[heap[smallest]]) {
				smallest = left;
			}
			if (left + 1 < size && scores[heap[left + 1]] < scores[heap[smallest]]) {
				smallest = left + 1;
			}
			if (smallest == at) {
				return;
			}
			swap(heap, at, smallest);
			at = smallest;
		}
	}

	private static void swap(int[] heap, int a, int b) {
		int t = heap[a];
		heap[a] = heap[b];
		heap[b] = t;
	}

}
