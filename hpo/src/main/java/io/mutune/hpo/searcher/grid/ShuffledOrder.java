package io.mutune.hpo.searcher.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded random permutation of {@code 0 .. size-1}, drawn lazily: a Fisher-Yates shuffle
 * whose swaps are kept in a map, so the first {@code n} positions cost O(n) time and memory
 * however large the grid (Knuth, TAOCP vol. 2, Algorithm P). The same seed gives the same order.
 */
final class ShuffledOrder {
    private final long size;
    private final SplittableRandom random;
    private final Map<Long, Long> swapped = new HashMap<>();
    private final List<Long> drawn = new ArrayList<>();

    ShuffledOrder(long size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("a permutation needs at least one element, got size " + size);
        }
        this.size = size;
        this.random = new SplittableRandom(seed);
    }

    /** The element at {@code position} of the permutation; positions repeat the order once it is exhausted. */
    long at(long position) {
        long p = position % size;
        while (drawn.size() <= p) {
            long i = drawn.size();
            long j = i + random.nextLong(size - i);
            long atJ = swapped.getOrDefault(j, j);
            swapped.put(j, swapped.getOrDefault(i, i));
            swapped.remove(i);
            drawn.add(atJ);
        }
        return drawn.get((int) p);
    }
}
