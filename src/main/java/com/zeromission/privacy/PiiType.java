package com.zeromission.privacy;

/** The kinds of personal data the masker recognises, each replaced by its own placeholder. */
public enum PiiType {
    EMAIL("[EMAIL]"),
    PHONE("[PHONE]"),
    /** Swedish personnummer/samordningsnummer and similar national ids (NO, DK, FI, NL BSN, UK NINO, US SSN). */
    PERSONAL_ID("[PERSONAL_ID]"),
    IBAN("[IBAN]"),
    PAYMENT_CARD("[CARD]"),
    /**
     * The user name and password in a URL ("https://anna:secret@shop.example/" becomes
     * "https://[USER]@shop.example/"); short on purpose: it replaces at least four characters.
     */
    URL_USER_INFO("[USER]");

    private final String placeholder;

    PiiType(String placeholder) {
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return placeholder;
    }
}
