package com.zeromission.alarms;

import java.util.Locale;

/**
 * How urgent an alert is, in the workbook's terms: a page needs someone today, a ticket needs someone this week.
 */
public enum Severity {
    PAGE, TICKET;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
