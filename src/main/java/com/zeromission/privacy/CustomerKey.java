package com.zeromission.privacy;

import java.util.regex.Pattern;

/** A keyed pseudonym of a customer identifier: stable for one secret, useless without it. */
public record CustomerKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("ck_[a-z2-7]{26}");

    public CustomerKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("customer key must look like ck_ followed by 26 base32 characters, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
