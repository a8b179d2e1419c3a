package com.zeromission.privacy.internal;

import java.util.ArrayList;
import java.util.List;

import com.zeromission.privacy.CheckDigits;
import com.zeromission.privacy.PiiType;
import com.zeromission.privacy.internal.PiiScanner.Span;

import static com.zeromission.privacy.internal.PiiScanner.isDigit;
import static com.zeromission.privacy.internal.Words.LUHN_REFERENCE_WORDS;
import static com.zeromission.privacy.internal.Words.BSN_WORDS;
import static com.zeromission.privacy.internal.Words.PHONE_WORDS;
import static com.zeromission.privacy.internal.Words.CPR_WORDS;
import static com.zeromission.privacy.internal.Words.SSN_WORDS;

/**
 * Numbers in free text: payment cards, national identity numbers and phone numbers, told apart from order numbers,
 * amounts, dates and references by their check digits, their grouping and the words before them ({@link Words}).
 * Reads each run of digit groups through a bounded window, so that hostile input costs time linear in its length.
 */
final class NumberScan {

    private NumberScan() {
    }

    /** Longest digit string any recognised identifier has (payment cards: 19). */
    private static final int MAX_DIGITS = 19;
    /**
     * How many digit groups one identifier may be written in: as many as it has digits, since a card number may be
     * written in pairs ("41 11 11 11 11 11 11 11") or digit by digit, and must be read whole before its first
     * groups are taken for a phone number.
     */
    private static final int MAX_GROUPS = MAX_DIGITS;
    /** Separator characters allowed between the digit groups of one number. */
    private static final String SEPARATORS = " -./()+\u00a0\u202f";
    private static final int MAX_SEPARATOR_RUN = 3;

    /** One maximal digit sequence inside a run, with the separator characters written before it. */
    private record Group(String text, int sepStart, int start, int end) {
        int length() {
            return end - start;
        }

        /** Computed on demand: pathological runs have hundreds of thousands of groups that are never classified. */
        String before() {
            return text.substring(sepStart, start);
        }
    }

    static void scanNumbers(ScanView view, List<Span> out, Barriers barriers, boolean idKeywordRequired) {
        String s = view.text;
        int n = s.length();
        int i = 0;
        var window = new ArrayList<Group>(MAX_GROUPS + 1);
        while (i < n) {
            char c = s.charAt(i);
            boolean opener = (c == '+' || c == '(') && i + 1 < n && (isDigit(s.charAt(i + 1))
                    || (s.charAt(i + 1) == '(' && i + 2 < n && isDigit(s.charAt(i + 2))));
            if (!(isDigit(c) || opener) || !boundaryBefore(view, i, barriers.before(i))) {
                i++;
                continue;
            }
            // Read one run (an optional opener '+', '(' or "+(", then digit groups joined by short separator runs)
            // through a sliding window of at most MAX_GROUPS + 1 groups, so that a hostile run of a million groups
            // costs no more memory than a short one.
            int p = i;
            while (!isDigit(s.charAt(p))) {
                p++;
            }
            int sepStart = i;
            while (true) {
                // First the whole run; when nothing in it is recognised but it runs into personal data found already,
                // again up to where that data starts: the masked text shows a placeholder there, whose '[' ends a
                // number, so the raw text must read the same ("02-1234567-131052-308T" as "02-1234567-[PERSONAL_ID]";
                // found by MaskerFuzzTest). A run that is recognised in full keeps the data glued to it, as before.
                int before = Math.min(n, barriers.nextStart(p + 1));
                int limit = n;
                int q;
                boolean runEnded;
                int consumed;
                while (true) {
                    window.clear();
                    q = p;
                    int sep = sepStart;
                    runEnded = false;
                    while (window.size() <= MAX_GROUPS) {
                        int start = q;
                        while (q < limit && isDigit(s.charAt(q))) {
                            q++;
                        }
                        window.add(new Group(s, sep, start, q));
                        sep = q;
                        while (q < limit && q - sep < MAX_SEPARATOR_RUN && SEPARATORS.indexOf(s.charAt(q)) >= 0) {
                            q++;
                        }
                        if (q == sep || q >= limit || !isDigit(s.charAt(q))) {
                            q = sep;
                            runEnded = true;
                            break;
                        }
                    }
                    boolean followedByLetter = runEnded && q < limit && Character.isLetter(s.charAt(q));
                    consumed = classifyAtStart(s, window, runEnded, followedByLetter, out, barriers, idKeywordRequired);
                    if (consumed > 0 || limit != n || before <= p || before >= window.getLast().end()) {
                        break;
                    }
                    limit = before;
                }
                if (consumed == 0) {
                    // Nothing starts here: the rest of the run is one number we do not recognise (an invalid card,
                    // a mistyped IBAN, a long reference); its tail is not a phone number on its own.
                    p = runEnded ? q : endOfRun(s, window.getLast().end());
                    break;
                }
                if (consumed == window.size()) {
                    p = window.getLast().end();
                    break;
                }
                Group next = window.get(consumed);
                p = next.start();
                sepStart = next.sepStart();
            }
            i = Math.max(p, i + 1);
        }
    }

    /** Where a run of digit groups and separators that continues after {@code from} ends; allocation-free. */
    private static int endOfRun(String s, int from) {
        int n = s.length(), q = from;
        while (true) {
            int sep = q;
            while (q < n && q - sep < MAX_SEPARATOR_RUN && SEPARATORS.indexOf(s.charAt(q)) >= 0) {
                q++;
            }
            if (q == sep || q >= n || !isDigit(s.charAt(q))) {
                return sep;
            }
            while (q < n && isDigit(s.charAt(q))) {
                q++;
            }
        }
    }

    /** A number starts a token: not glued to a word ("ORD-0701234567", "abc123") before it. */
    /**
     * Whether a number may start at {@code i}: not glued to a word or number before it. Characters before {@code floor}
     * belong to personal data found already, which the masked text shows as a placeholder ending in ']': they count
     * as that ']' does, so that masking masked text changes nothing ("…308T.02-1234567" and "[PERSONAL_ID].02-1234567"
     * read alike; found by MaskerFuzzTest).
     */
    private static boolean boundaryBefore(ScanView view, int i, int floor) {
        String s = view.text;
        if (i == 0 || view.cutBefore(i)) {
            return true; // an invisible character removed before the number still ended the word before it
        }
        char prev = s.charAt(i - 1);
        if (i - 1 >= floor && Character.isLetterOrDigit(prev)) {
            return false;
        }
        if (i - 1 >= floor && (prev == '-' || prev == '_' || prev == '/' || prev == '.' || prev == '@' || prev == '#')
                && i >= 2 && i - 2 >= floor && Character.isLetterOrDigit(s.charAt(i - 2))) {
            return false;
        }
        return true;
    }

    /**
     * Reads the longest identifier that starts at the window's first group and returns how many groups it spans,
     * or 0 if none starts there. {@code followedByLetter}: the window holds the end of the run and a letter follows
     * it ("0701234567kr" is not a phone number).
     */
    private static int classifyAtStart(String s, List<Group> window, boolean runEnded, boolean followedByLetter, List<Span> out,
            Barriers barriers, boolean idKeywordRequired) {
        int k = window.size();
        int digits = 0;
        int last = -1;
        for (int b = 0; b < Math.min(k, MAX_GROUPS); b++) {
            digits += window.get(b).length();
            if (digits > MAX_DIGITS) {
                break;
            }
            last = b;
        }
        // Longest reading first: "070-123 45 67" is one phone number, not four small numbers. Every reading starts
        // at the same place, so the words before it are read once.
        String lead = window.getFirst().before();
        int numberStart = window.getFirst().start() - lead.length();
        var words = new Words(s, numberStart, barriers.before(numberStart));
        for (int b = last; b >= 0; b--) {
            if (b == k - 1 && followedByLetter) {
                continue;
            }
            PiiType type = classify(s, window.subList(0, b + 1), words, idKeywordRequired, b == k - 1 && runEnded);
            if (type == PiiType.PHONE && b < k - 1 && !window.get(b + 1).before().contains(" ")) {
                type = null; // "065-4169006-8635052" is one reference, not a phone number with a tail
            }
            if (type != null) {
                Group first = window.getFirst();
                int start = first.start();
                if (type == PiiType.PHONE) {
                    // Keep the '+' or '(' that belongs to the number inside the mask.
                    String prefix = first.before();
                    start -= prefix.endsWith("+(") ? 2 : prefix.endsWith("+") || prefix.endsWith("(") ? 1 : 0;
                }
                Span span = new Span(start, window.get(b).end(), type);
                out.add(span);
                barriers.add(span);
                return b + 1;
            }
        }
        return 0;
    }

    /**
     * What the digit groups {@code g} are, or null. {@code endsRun}: no further digit group follows them in the same
     * run. Readings in small groups (a card in pairs or threes, a Nordic number in pairs) must end their run: the
     * first seven pairs of a mistyped card number are often a valid card, and its first four a phone number.
     */
    private static PiiType classify(String s, List<Group> g, Words words, boolean idKeywordRequired, boolean endsRun) {
        var sb = new StringBuilder(MAX_DIGITS);
        for (Group group : g) {
            sb.append(s, group.start(), group.end());
        }
        String d = sb.toString();
        int len = d.length();
        int n = g.size();
        String lead = g.getFirst().before();
        boolean plus = lead.endsWith("+") || lead.endsWith("+(");

        if (!plus) {
            // Swedish personnummer / samordningsnummer; the date and the digits may be apart ("811228 9874",
            // "811228 - 9874": a no-break or thin space is a space by now)
            if ((n == 1 && (len == 10 || len == 12))
                    || (n == 2 && idSeparator(g, 1, "-", "+") && ((g.get(0).length() == 6 || g.get(0).length() == 8) && g.get(1).length() == 4))) {
                if (CheckDigits.swedishPersonalNumber(d)) {
                    return PiiType.PERSONAL_ID;
                }
            }
            // Norwegian fødselsnummer
            if ((n == 1 && len == 11) || (n == 2 && g.get(0).length() == 6 && g.get(1).length() == 5 && idSeparator(g, 1, "-"))) {
                if (CheckDigits.norwegianBirthNumber(d)) {
                    return PiiType.PERSONAL_ID;
                }
            }
            // Danish CPR: no check digit since 2007 and any DDMMYY-NNNN date fits, so the text must say "CPR"
            if ((n == 2 && g.get(0).length() == 6 && g.get(1).length() == 4 && idSeparator(g, 1, "-")) || (n == 1 && len == 10)) {
                if (CheckDigits.danishCprDate(d) && (words.precededBy(CPR_WORDS) || bareIdAllowed(idKeywordRequired, words))) {
                    return PiiType.PERSONAL_ID;
                }
            }
            // US social security number
            if (len == 9 && CheckDigits.usSsn(d) && ((n == 3 && g.get(0).length() == 3 && g.get(1).length() == 2
                    && sep(g, 1, "-") && sep(g, 2, "-")) || words.precededBy(SSN_WORDS))) {
                return PiiType.PERSONAL_ID;
            }
            // Dutch BSN: nine digits pass the elfproef by chance once in eleven, so the word must be there
            if (len == 9 && CheckDigits.dutchBsn(d) && (words.precededBy(BSN_WORDS) || bareIdAllowed(idKeywordRequired, words))) {
                return PiiType.PERSONAL_ID;
            }
            // Payment card, before any phone number can take its first groups. Only a word naming a payment reference
            // checked by Luhn itself (Swedish OCR, Norwegian KID, "reference") keeps a card-shaped number readable:
            // those pass Luhn by design. After any other reference word ("Customer 4111 …", "Kunde 4111…", "order
            // …") it is how people write their card, and a card left readable is the worst leak there is.
            if (len >= 13 && cardGrouping(g, endsRun) && CheckDigits.paymentCard(d)
                    && !words.labelledAs(LUHN_REFERENCE_WORDS)) {
                return PiiType.PAYMENT_CARD;
            }
        }
        return phone(g, d, plus, words, endsRun) ? PiiType.PHONE : null;
    }

    /** Only when measuring the keyword trade-off: a bare CPR or BSN counts unless a word calls it a reference. */
    private static boolean bareIdAllowed(boolean idKeywordRequired, Words words) {
        return !idKeywordRequired && !words.labelledAsReference();
    }

    private static boolean phone(List<Group> g, String d, boolean plus, Words words, boolean endsRun) {
        int len = d.length();
        for (int k = 1; k < g.size(); k++) {
            if (g.get(k).before().contains("+")) {
                return false; // "+" only opens an international number
            }
        }
        if (plus) {
            return len >= 8 && len <= 15 && d.charAt(0) != '0';
        }
        if (words.labelledAsReference()) {
            return false;
        }
        if (d.startsWith("00")) {
            return len >= 11 && len <= 15 && d.charAt(2) != '0';
        }
        if (d.charAt(0) == '0') {
            // National numbers with trunk prefix: SE 08-123 456 (9) … DE 0171 12345678 (12).
            return len >= 9 && len <= 12 && !looksLikeDate(g);
        }
        // Nordic numbers without trunk prefix, written in one block, count only when the text announces a phone
        // number: eight bare digits are as often an order or customer number.
        if (len == 8 && g.size() == 1 && d.charAt(0) >= '2' && words.precededBy(PHONE_WORDS)) {
            return true;
        }
        // Nordic numbers without trunk prefix are written in pairs or 3-2-3: "20 12 34 56", "912 34 567".
        if (len == 8 && d.charAt(0) >= '2' && allSeparatedBy(g, " ") && endsRun
                && (lengths(g, 2, 2, 2, 2) || lengths(g, 3, 2, 3))) {
            return true;
        }
        // North American numbers: (555) 123-4567, 555-123-4567, 555.123.4567
        if (len == 10 && d.charAt(0) >= '2' && d.charAt(3) >= '2' && g.size() == 3 && g.get(0).length() == 3
                && g.get(1).length() == 3 && g.get(2).length() == 4) {
            String lead = g.getFirst().before();
            return (sep(g, 1, "-") && sep(g, 2, "-")) || (sep(g, 1, ".") && sep(g, 2, "."))
                    || (lead.endsWith("(") && sep(g, 1, ") ", ")") && sep(g, 2, "-", " "));
        }
        return false;
    }

    private static boolean allSeparatedBy(List<Group> g, String separator) {
        for (int k = 1; k < g.size(); k++) {
            if (!g.get(k).before().equals(separator)) {
                return false;
            }
        }
        return true;
    }

    private static boolean lengths(List<Group> g, int... expected) {
        if (g.size() != expected.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (g.get(k).length() != expected[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeDate(List<Group> g) {
        return g.size() == 3 && (sep(g, 1, ".") || sep(g, 1, "/") || sep(g, 1, "-")) && g.get(2).length() == 4
                && g.get(0).length() <= 2 && g.get(1).length() <= 2;
    }

    /** Card groups are at most this long: 4-4-4-4, 4-6-5, pairs, threes … but never "302-1234567-1234567", an order number. */
    private static final int MAX_CARD_GROUP = 6;
    private static final String CARD_SEPARATORS = " -.";

    /**
     * Cards are written as one block or in groups of any length up to six (4-4-4-4, Amex 4-6-5, pairs, threes, one
     * digit at a time) joined by spaces (any space character, by now an ASCII space), dashes or dots, in any mix:
     * how the groups are joined says nothing about whether the digits are a card, Luhn and the scheme prefix do.
     * A reading that starts with a date is not a card: "30.01.2024 - 05.02.2024" is a range of dates whose digits
     * happen to start like a Diners card.
     */
    private static boolean cardGrouping(List<Group> g, boolean endsRun) {
        if (g.size() == 1) {
            return true;
        }
        if (!endsRun && !inFours(g)) {
            return false; // "45 15 76 04 47 47 96 15" with a wrong check digit: its first seven pairs are no card
        }
        for (int k = 0; k < g.size(); k++) {
            if (g.get(k).length() > MAX_CARD_GROUP) {
                return false;
            }
            if (k > 0) {
                String separator = g.get(k).before();
                for (int c = 0; c < separator.length(); c++) {
                    if (CARD_SEPARATORS.indexOf(separator.charAt(c)) < 0) {
                        return false;
                    }
                }
            }
        }
        return !(g.size() >= 3 && g.get(0).length() <= 2 && g.get(1).length() <= 2 && g.get(2).length() == 4
                && !sep(g, 1, " ") && sep(g, 2, g.get(1).before()));
    }

    /** The way cards are printed: 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4. */
    private static boolean inFours(List<Group> g) {
        if (g.size() == 3 && g.get(0).length() == 4 && g.get(1).length() == 6) {
            return true;
        }
        for (int k = 0; k < g.size() - 1; k++) {
            if (g.get(k).length() != 4) {
                return false;
            }
        }
        return g.getLast().length() <= 4;
    }

    /**
     * Whether the separator before group {@code index} of a national id is spaces only or one of {@code allowed}
     * with spaces around it: "811228-9874", "811228 9874", "811228 - 9874".
     */
    private static boolean idSeparator(List<Group> g, int index, String... allowed) {
        String stripped = g.get(index).before().replace(" ", "");
        if (stripped.isEmpty()) {
            return true;
        }
        for (String a : allowed) {
            if (stripped.equals(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sep(List<Group> g, int index, String... allowed) {
        String before = g.get(index).before();
        for (String a : allowed) {
            if (before.equals(a)) {
                return true;
            }
        }
        return false;
    }
}
