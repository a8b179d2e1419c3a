package com.zeromission.mystery;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The external spelling of the module's enums: lower case with hyphens, parsed in any case, with '_' or ' ' too. */
final class Codes {

    private Codes() {
    }

    static String code(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required; one of " + allowed(type));
        }
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(normalized)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + field + " '" + shorten(value) + "'; one of " + allowed(type));
    }

    static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Codes::code).collect(Collectors.joining(", "));
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
