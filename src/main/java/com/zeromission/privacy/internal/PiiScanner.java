package com.zeromission.privacy.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.zeromission.privacy.CheckDigits;
import com.zeromission.privacy.PiiType;

/**
 * Finds personal data in free text with a hand-written scanner instead of regular expressions: every character is
 * looked at a bounded number of times, so hostile input (long digit runs, thousands of '@', repeated separators)
 * costs time linear in its length. Candidates are only accepted when their check digits or their surrounding words
 * say what they are; that is how order numbers, amounts, dates and tracking codes stay readable.
 */
final class PiiScanner {

    /** A half-open range of the text [start, end) and what it holds. */
    record Span(int start, int end, PiiType type) {
        Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("span must be non-empty, was [" + start + ", " + end + ")");
            }
        }
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

    /** Words right before a number that make it a reference rather than a phone number. */
    private static final Stems REFERENCE_WORDS = Stems.of("order", "bestell", "bestel", "invoice", "faktura",
            "rechnung", "factuur", "ocr", "ref", "referen", "kund", "klant", "customer", "tracking", "track",
            "sendung", "zending", "kolli", "paket", "pakket", "parcel", "konto", "account", "rekening", "transaction",
            "transaktion", "transactie", "case", "ärende", "arende", "ticket", "zaak", "artikel", "article",
            "sku", "id", "belopp", "amount", "bedrag", "betrag", "summa", "sum", "postnummer", "plz", "postcode");
    /**
     * Reference words whose numbers carry a Luhn check digit by design (Swedish OCR, Norwegian KID, bank payment
     * references), so a card-shaped number after them is more likely the reference than a card.
     */
    private static final Stems LUHN_REFERENCE_WORDS = Stems.of("ocr", "kid", "ref", "referen", "betalningsreferen",
            "zahlungsreferen", "betalingskenmerk", "kenmerk");
    /** Words that may sit between a reference word and its number: "order nr 0701…", "Bestell-Nr. 0171…". */
    private static final Set<String> NUMBER_WORDS = Set.of("nr", "no", "num", "number", "nummer", "numero", "nummber",
            "is", "ist", "är", "er", "#");
    private static final Stems BSN_WORDS = Stems.of("bsn", "burgerservicenummer", "sofinummer", "sofi", "id",
            "identity", "identification", "identiteit", "identiteitsnummer", "personal", "persoonsnummer");
    /** Words that announce a phone number: they make a bare eight-digit Nordic number ("Ring meg på 41122240") one. */
    private static final Stems PHONE_WORDS = Stems.of("ring", "ringe", "ringer", "tlf", "tel", "telefon",
            "telefonnummer", "telefoonnummer", "mobil", "mobile", "mobiel", "mobilnummer", "phone", "call", "nummeret",
            "numret", "nummer", "number", "bel", "handy", "sms", "whatsapp", "reach", "contact", "kontakt", "bereikbaar",
            "erreichbar");
    private static final Stems CPR_WORDS = Stems.of("cpr", "cprnummer", "cprnr");
    private static final Stems SSN_WORDS = Stems.of("ssn", "security", "socialsecurity");

    /**
     * Whether a Danish CPR or Dutch BSN needs its keyword before it (the product's setting). Off only to measure
     * what the keyword costs and saves ({@code bin/zm privacy eval}, docs/privacy.md).
     */
    private final boolean idKeywordRequired;

    PiiScanner() {
        this(true);
    }

    PiiScanner(boolean idKeywordRequired) {
        this.idKeywordRequired = idKeywordRequired;
    }

    /** The personal data in {@code raw}, as ranges of {@code raw}, sorted and not overlapping. */
    List<Span> scan(String raw) {
        ScanView view = ScanView.of(raw);
        String text = view.text;
        var found = new ArrayList<Span>();
        var ibanShaped = new ArrayList<int[]>();
        var authorityEnds = new java.util.BitSet();
        scanUrlUserInfo(text, found, authorityEnds);
        ScanView.Dense dense = view.withoutLooseSpaces();
        if (dense == null) {
            scanEmails(text, found, authorityEnds, null);
        } else {
            // Addresses are read through spaces that are not ASCII spaces ("anna\u2009@\u2009example.com"): nobody
            // types a thin space by accident, and a span found there covers them in the view.
            scanEmails(dense.text(), found, authorityEnds, dense.at());
        }
        scanIbans(text, found, ibanShaped);
        scanFinnishIds(text, found);
        scanNationalInsuranceNumbers(text, found);
        scanNumbers(view, found, new Barriers(found), idKeywordRequired);
        if (!ibanShaped.isEmpty()) {
            // An IBAN with wrong check digits is a typo or a made-up number; its digit groups must not be read as
            // a phone or a card on their own. An e-mail address stays whatever its local part looks like
            // ("NO66NKQR6LMPONQ@example.com" is IBAN-shaped before the '@'; found by MaskerFuzzTest).
            found.removeIf(span -> span.type() != PiiType.EMAIL
                    && ibanShaped.stream().anyMatch(r -> span.start() < r[1] && r[0] < span.end()));
        }
        var spans = resolveOverlaps(found);
        if (text == raw) {
            return spans;
        }
        var onRaw = new ArrayList<Span>(spans.size());
        for (Span span : spans) {
            onRaw.add(new Span(view.rawStart(span.start()), view.rawEnd(span.end()), span.type()));
        }
        return onRaw;
    }

    // ---------------------------------------------------------------- user info in URLs

    /** Shortest user info masked: "[USER]" replaces at least four characters, so masking never grows a text by more than half. */
    static final int MIN_USER_INFO = 4;
    private static final int MAX_USER_INFO = 256;

    /**
     * The user name and password in a URL ("https://anna:secret@shop.example/"): everything between "://" and the
     * '@' that ends the authority. The '@' is remembered so that the e-mail scanner does not read
     * "secret@shop.example" as an address and mask the host instead. Each "://" reads at most 256 characters.
     */
    private static void scanUrlUserInfo(String s, List<Span> out, java.util.BitSet authorityEnds) {
        int i = s.indexOf("://");
        while (i >= 0) {
            int start = i + 3;
            int at = -1;
            int j = start;
            while (j < s.length() && j - start < MAX_USER_INFO) {
                char c = s.charAt(j);
                if (c == '/' || c == '?' || c == '#' || c == '[' || c == ']' || Character.isWhitespace(c)) {
                    break;
                }
                if (c == '@') {
                    at = j; // the last '@' ends the user info (a decoded %40 may sit inside it)
                }
                j++;
            }
            if (at >= start + MIN_USER_INFO) {
                out.add(new Span(start, at, PiiType.URL_USER_INFO));
                authorityEnds.set(at);
            }
            i = s.indexOf("://", Math.max(i + 3, j));
        }
    }

    // ---------------------------------------------------------------- e-mail

    /**
     * {@code at}, when not null, maps positions of {@code s} to the view the other scanners read ({@code s} is then
     * that view without its loose spaces).
     */
    private static void scanEmails(String s, List<Span> out, java.util.BitSet authorityEnds, int[] at) {
        int n = s.length();
        int i = s.indexOf('@');
        while (i >= 0) {
            if (authorityEnds.get(at == null ? i : at[i])) {
                i = s.indexOf('@', i + 1);
                continue;
            }
            // Neither part may contain '@', so each character is walked over by at most one '@' on each side.
            int left = i;
            while (left > 0 && isLocalChar(s.charAt(left - 1))) {
                left--;
            }
            while (left < i && (s.charAt(left) == '.' || s.charAt(left) == '-')) {
                left++;
            }
            int right = i + 1;
            while (right < n && isDomainChar(s.charAt(right))) {
                right++;
            }
            while (right > i + 1 && (s.charAt(right - 1) == '.' || s.charAt(right - 1) == '-')) {
                right--;
            }
            if (left < i && validDomain(s, i + 1, right)) {
                out.add(at == null ? new Span(left, right, PiiType.EMAIL)
                        : new Span(at[left], at[right - 1] + 1, PiiType.EMAIL));
            }
            i = s.indexOf('@', Math.max(i + 1, right));
        }
    }

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    /** At least two labels, no empty label, and a top-level label of two or more letters. */
    private static boolean validDomain(String s, int from, int to) {
        if (to - from < 3) {
            return false;
        }
        int lastDot = -1;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '.') {
                if (k == from || s.charAt(k - 1) == '.') {
                    return false;
                }
                lastDot = k;
            }
        }
        if (lastDot < 0 || to - lastDot - 1 < 2) {
            return false;
        }
        for (int k = lastDot + 1; k < to; k++) {
            if (!Character.isLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- IBAN

    private static void scanIbans(String s, List<Span> out, List<int[]> ibanShaped) {
        int n = s.length();
        for (int i = 0; i + 4 <= n; i++) {
            char a = s.charAt(i), b = s.charAt(i + 1);
            if (!isAsciiLetter(a) || !isAsciiLetter(b) || !isDigit(s.charAt(i + 2)) || !isDigit(s.charAt(i + 3))
                    || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
                continue;
            }
            String country = ("" + a + b).toUpperCase(Locale.ROOT);
            Integer length = CheckDigits.IBAN_LENGTHS.get(country);
            if (length == null) {
                continue;
            }
            var iban = new StringBuilder(length);
            int j = i;
            // At most 34 characters plus one space between groups are read per candidate: constant work.
            while (j < n && iban.length() < length) {
                char c = s.charAt(j);
                if (isAsciiLetter(c) || isDigit(c)) {
                    iban.append(Character.toUpperCase(c));
                    j++;
                } else if ((c == ' ' || c == '-' || c == '.') && j + 1 < n && isAsciiAlnum(s.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            if (iban.length() == length && (j == n || !Character.isLetterOrDigit(s.charAt(j)))) {
                if (CheckDigits.iban(iban.toString())) {
                    out.add(new Span(i, j, PiiType.IBAN));
                } else {
                    ibanShaped.add(new int[] {i, j});
                }
                i = j - 1;
            }
        }
    }

    // ---------------------------------------------------------------- Finnish HETU (letters inside, own pass)

    private static void scanFinnishIds(String s, List<Span> out) {
        int n = s.length();
        for (int i = 0; i + 11 <= n; i++) {
            if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                continue;
            }
            if (!allDigits(s, i, i + 6) || "+-ABCDEFUVWXY".indexOf(s.charAt(i + 6)) < 0 || !allDigits(s, i + 7, i + 10)) {
                continue;
            }
            if ((i + 11 == n || !Character.isLetterOrDigit(s.charAt(i + 11)))
                    && CheckDigits.finnishPersonalId(s.substring(i, i + 11).toUpperCase(Locale.ROOT))) {
                out.add(new Span(i, i + 11, PiiType.PERSONAL_ID));
                i += 10;
            }
        }
    }

    // ---------------------------------------------------------------- UK National Insurance number

    /** Letters HMRC never uses first or second, and the prefixes it never allocates. */
    private static final String NINO_NOT_FIRST = "DFIQUV";
    private static final String NINO_NOT_SECOND = "DFIOQUV";
    private static final Set<String> NINO_NOT_ALLOCATED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    private static final String NINO_SEPARATORS = " -.";

    /**
     * UK National Insurance numbers: two prefix letters (the unused ones excluded), six digits and a suffix A–D,
     * compact ("QQ123456C" is HMRC's example and stays readable: Q is never a first letter) or written with one
     * kind of separator anywhere between its parts ("AB 12 34 56 C", "AB-123456-C"). There is no check digit;
     * the shape, the allocated prefixes and the suffix are all there is. Each candidate reads at most 17
     * characters: constant work.
     */
    private static void scanNationalInsuranceNumbers(String s, List<Span> out) {
        int n = s.length();
        for (int i = 0; i + 9 <= n; i++) {
            char a = Character.toUpperCase(s.charAt(i)), b = Character.toUpperCase(s.charAt(i + 1));
            if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z' || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))
                    || NINO_NOT_FIRST.indexOf(a) >= 0 || NINO_NOT_SECOND.indexOf(b) >= 0
                    || NINO_NOT_ALLOCATED.contains("" + a + b)) {
                continue;
            }
            int j = i + 2;
            int digits = 0;
            char separator = 0;
            int end = -1;
            while (j < n) {
                char c = s.charAt(j);
                if (NINO_SEPARATORS.indexOf(c) >= 0) {
                    if ((separator != 0 && c != separator) || j + 1 >= n || NINO_SEPARATORS.indexOf(s.charAt(j + 1)) >= 0) {
                        break;
                    }
                    separator = c;
                    j++;
                    continue;
                }
                if (digits < 6) {
                    if (!isDigit(c)) {
                        break;
                    }
                    digits++;
                    j++;
                    continue;
                }
                char suffix = Character.toUpperCase(c);
                if (suffix >= 'A' && suffix <= 'D' && (j + 1 == n || !Character.isLetterOrDigit(s.charAt(j + 1)))) {
                    end = j + 1;
                }
                break;
            }
            if (end > 0) {
                out.add(new Span(i, end, PiiType.PERSONAL_ID));
                i = end - 1;
            }
        }
    }

    // ---------------------------------------------------------------- numbers: cards, national ids, phones

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

    private static void scanNumbers(ScanView view, List<Span> out, Barriers barriers, boolean idKeywordRequired) {
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

    /**
     * The (up to three) words before a number, read once for all the readings of the number that are tried: a
     * run of up to nineteen groups has up to nineteen readings.
     */
    private static final class Words {
        private final String s;
        private final int start;
        private final int floor;
        private List<String> words;
        private Boolean reference;

        Words(String s, int start, int floor) {
            this.s = s;
            this.start = start;
            this.floor = floor;
        }

        private List<String> words() {
            if (words == null) {
                words = previousWords(s, start, floor, 3);
            }
            return words;
        }

        /**
         * Whether the number is labelled as a reference: the word right before it ("Bestellnummer 0123…") or the
         * word before a number word ("order nr: 0701…") starts with a reference stem. Only two words are read, so
         * "my order arrived late, call 0701…" is still a phone number.
         */
        boolean labelledAsReference() {
            if (reference == null) {
                reference = readAsReference();
            }
            return reference;
        }

        private boolean readAsReference() {
            return labelledAs(REFERENCE_WORDS);
        }

        /** Whether the word right before the number, or the word before a number word, matches the stems. */
        boolean labelledAs(Stems stems) {
            var w = words();
            if (w.isEmpty()) {
                return false;
            }
            if (stems.match(w.getFirst())) {
                return true;
            }
            return w.size() > 1 && NUMBER_WORDS.contains(w.getFirst()) && stems.match(w.get(1));
        }

        /** Whether one of the three words before the number is one of the given keywords ("mijn BSN is 1234…"). */
        boolean precededBy(Stems stems) {
            for (String w : words()) {
                if (stems.match(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Keywords: short stems must be the whole word ("ref" is not "refund"); longer ones may begin it ("bestell" →
     * "Bestellnummer"). Split once, so that a lookup is a hash probe and a few prefix tests, not a walk over every
     * stem: the words before a number are looked up for every reading of it.
     */
    private record Stems(Set<String> whole, List<String> prefixes) {
        static Stems of(String... stems) {
            var whole = new java.util.HashSet<String>();
            var prefixes = new ArrayList<String>();
            for (String stem : stems) {
                if (stem.length() <= 3) {
                    whole.add(stem);
                } else {
                    prefixes.add(stem);
                }
            }
            return new Stems(Set.copyOf(whole), List.copyOf(prefixes));
        }

        boolean match(String word) {
            if (whole.contains(word)) {
                return true;
            }
            if (word.length() > 3) {
                for (String prefix : prefixes) {
                    if (word.startsWith(prefix)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Up to {@code max} lower-cased words before {@code start}, nearest first; reads at most ~150 characters, and
     * nothing before {@code floor} or before a placeholder. Personal data between a word and a number cuts them
     * apart, masked or not: "[PHONE]" is not the word "phone", and masking masked text must change nothing.
     */
    private static List<String> previousWords(String s, int start, int floor, int max) {
        var words = new ArrayList<String>(max);
        int p = start - 1;
        while (words.size() < max && p >= floor) {
            int skipped = 0;
            while (p >= floor && !Character.isLetter(s.charAt(p)) && s.charAt(p) != '#' && skipped < 12) {
                if (s.charAt(p) == ']' && placeholderEndsAt(s, p)) {
                    return words;
                }
                p--;
                skipped++;
            }
            if (p < floor || skipped >= 12) {
                break;
            }
            if (s.charAt(p) == '#') {
                words.add("#");
                p--;
                continue;
            }
            int end = p + 1;
            while (p >= floor && Character.isLetter(s.charAt(p)) && end - p < 40) {
                p--;
            }
            words.add(s.substring(p + 1, end).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static boolean placeholderEndsAt(String s, int p) {
        for (PiiType type : PiiType.values()) {
            String placeholder = type.placeholder();
            int from = p + 1 - placeholder.length();
            if (from >= 0 && s.startsWith(placeholder, from)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the words that may label a number can start: after the end of the last personal data found before it.
     * Numbers are classified left to right, so one pointer over the sorted ends of the spans found by the earlier
     * passes keeps this linear.
     */
    private static final class Barriers {
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

    // ---------------------------------------------------------------- helpers

    /**
     * Earliest span wins; of two starting together, the longer. A later span that overlaps it is merged into it,
     * not dropped: personal data glued to other personal data ("…45 67+anna@example.com") is masked in full, under
     * the first one's placeholder.
     */
    private static List<Span> resolveOverlaps(List<Span> spans) {
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        var kept = new ArrayList<Span>(spans.size());
        for (Span span : spans) {
            Span last = kept.isEmpty() ? null : kept.getLast();
            if (last == null || span.start() >= last.end()) {
                kept.add(span);
            } else if (span.end() > last.end()) {
                kept.set(kept.size() - 1, new Span(last.start(), span.end(), last.type()));
            }
        }
        return kept;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }
}
