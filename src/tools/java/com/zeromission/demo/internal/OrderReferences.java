package com.zeromission.demo.internal;

import java.util.SplittableRandom;

/**
 * Order references like {@code ORD-7K2Q-9XHD}: letters and digits mixed, so that no run of digits could be taken
 * for a phone or card number by the masker.
 */
final class OrderReferences {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private OrderReferences() {
    }

    static String next(SplittableRandom r) {
        var b = new StringBuilder("ORD-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                b.append('-');
            }
            // each group starts with a letter: never four digits in a row
            b.append(ALPHABET.charAt(r.nextInt(i % 4 == 0 ? 24 : ALPHABET.length())));
        }
        return b.toString();
    }
}
