package com.zeromission.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Hostile inputs for the masker and a small harness that times it on them. Each input is built to hurt a
 * backtracking regular expression or a careless scanner: endless digit runs, thousands of '@', separators without
 * end, IBAN and id prefixes that never complete. The masker must stay linear on all of them.
 */
public final class MaskingBenchmark {

    /**
     * One measured input: its size, the very first masking of it (the JIT may not have compiled the masker yet),
     * the median and worst of the timed runs after warm-up, and how many items were masked.
     */
    public record Result(String input, int chars, double firstMillis, double medianMillis, double maxMillis, int masked) {
        public double megabytesPerSecond() {
            return chars / 1_000_000.0 / (medianMillis / 1000.0);
        }
    }

    private MaskingBenchmark() {
    }

    /** The adversarial inputs, each about {@code size} characters long. */
    public static Map<String, String> adversarialInputs(int size) {
        var inputs = new LinkedHashMap<String, String>();
        inputs.put("one digit run", repeat("0123456789", size));
        inputs.put("digits split by single spaces", repeat("0 ", size));
        inputs.put("phone-like groups without end", repeat("070-123 45 ", size));
        inputs.put("plus signs and brackets", repeat("+(0)4", size));
        inputs.put("only @", repeat("@", size));
        inputs.put("a@ repeated", repeat("a@", size));
        inputs.put("dots then one @", repeat("a.", size / 2) + "@" + repeat("b.", size / 2 - 2) + "se");
        inputs.put("e-mails back to back", repeat("x@y.se", size));
        inputs.put("IBAN prefixes", repeat("SE45 ", size));
        inputs.put("long IBAN-like tail", "SE45" + repeat("5000 ", size - 4));
        inputs.put("personnummer prefixes", repeat("811228-", size));
        inputs.put("HETU prefixes", repeat("131052-30", size));
        inputs.put("letters and digits glued", repeat("a1", size));
        // The normalised view and the formats of issue 15: every character needs mapping, escapes that almost
        // decode, URL schemes whose authority never ends, NINO prefixes, and card-like pairs that never pass Luhn.
        inputs.put("invisible characters between digits", repeat("4\u200b1\u00a0", size));
        inputs.put("percent and & almost escapes", repeat("%4&#6%\u200b", size));
        inputs.put("URL schemes without end", repeat("a://b:c", size));
        inputs.put("NINO prefixes", repeat("AB 12 34 ", size));
        inputs.put("digit pairs without end", repeat("41 12 ", size));
        inputs.put("realistic complaints with PII", repeat(
                "Hej, jag har inte fått fakturan för order 12345678. Ring 070-123 45 67 eller mejla anna.svensson@gmail.com, "
                        + "personnummer 811228-9874, kort 4111 1111 1111 1111, IBAN SE45 5000 0000 0583 9825 7466. ", size));
        return inputs;
    }

    /**
     * Masks every input once (timed: the cold case), {@code warmups} times untimed, then {@code runs} times timed.
     */
    public static List<Result> run(TextMasker masker, int size, int warmups, int runs, LongSupplier nanoClock) {
        var results = new ArrayList<Result>();
        for (var entry : adversarialInputs(size).entrySet()) {
            String input = entry.getValue();
            long first = nanoClock.getAsLong();
            int masked = masker.mask(input).total();
            double firstMillis = (nanoClock.getAsLong() - first) / 1_000_000.0;
            for (int i = 0; i < warmups; i++) {
                masked = masker.mask(input).total();
            }
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = nanoClock.getAsLong();
                masked = masker.mask(input).total();
                millis[i] = (nanoClock.getAsLong() - start) / 1_000_000.0;
            }
            Arrays.sort(millis);
            results.add(new Result(entry.getKey(), input.length(), firstMillis, millis[runs / 2], millis[runs - 1], masked));
        }
        return results;
    }

    private static String repeat(String unit, int size) {
        var sb = new StringBuilder(size + unit.length());
        while (sb.length() < size) {
            sb.append(unit);
        }
        sb.setLength(size);
        return sb.toString();
    }
}
