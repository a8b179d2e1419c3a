package com.zeromission.privacy.internal;

import java.util.List;

import com.zeromission.privacy.internal.PiiScanner.Span;

/**
 * Where the words that may label a number can start: after the end of the last personal data found before it.
 * Numbers are classified left to right, so one pointer over the sorted ends of the spans found by the earlier
 * passes keeps this linear.
 */
final class Barriers {
    private final int[] ends;
    private int next;
    private int floor;

    private final int[] starts;

    Barriers(List<Span> earlier) {
        ends = earlier.stream().mapToInt(Span::end).sorted().toArray();
        starts = earlier.stream().mapToInt(Span::start).sorted().toArray();
    }

    /**
     * Where the first personal data found already that starts at or after {@code position} starts, else MAX (a
     * number read from {@code p} is limited by the data starting after {@code p}: one starting at {@code p}
     * itself overlaps the number, and the two are merged as before).
     */
    int nextStart(int position) {
        int i = java.util.Arrays.binarySearch(starts, position);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && starts[i - 1] == position) {
                i--;
            }
        }
        return i < starts.length ? starts[i] : Integer.MAX_VALUE;
    }

    int before(int position) {
        while (next < ends.length && ends[next] <= position) {
            floor = Math.max(floor, ends[next++]);
        }
        return Math.min(floor, position);
    }

    void add(Span number) {
        while (next < ends.length && ends[next] <= number.end()) {
            floor = Math.max(floor, ends[next++]);
        }
        floor = Math.max(floor, number.end());
    }
}
