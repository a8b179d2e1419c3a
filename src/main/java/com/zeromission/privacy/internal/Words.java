package com.zeromission.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.zeromission.privacy.PiiType;

/**
 * The (up to three) words before a number, read once for all the readings of the number that are tried: a
 * run of up to nineteen groups has up to nineteen readings.
 *
 * <p>Also the keywords that label a number (reference, phone, national id words) and how a word matches them.
 */
final class Words {

    /** Words right before a number that make it a reference rather than a phone number. */
    static final Stems REFERENCE_WORDS = Stems.of("order", "bestell", "bestel", "invoice", "faktura",
            "rechnung", "factuur", "ocr", "ref", "referen", "kund", "klant", "customer", "tracking", "track",
            "sendung", "zending", "kolli", "paket", "pakket", "parcel", "konto", "account", "rekening", "transaction",
            "transaktion", "transactie", "case", "ärende", "arende", "ticket", "zaak", "artikel", "article",
            "sku", "id", "belopp", "amount", "bedrag", "betrag", "summa", "sum", "postnummer", "plz", "postcode");
    /**
     * Reference words whose numbers carry a Luhn check digit by design (Swedish OCR, Norwegian KID, bank payment
     * references), so a card-shaped number after them is more likely the reference than a card.
     */
    static final Stems LUHN_REFERENCE_WORDS = Stems.of("ocr", "kid", "ref", "referen", "betalningsreferen",
            "zahlungsreferen", "betalingskenmerk", "kenmerk");
    /** Words that may sit between a reference word and its number: "order nr 0701…", "Bestell-Nr. 0171…". */
    static final Set<String> NUMBER_WORDS = Set.of("nr", "no", "num", "number", "nummer", "numero", "nummber",
            "is", "ist", "är", "er", "#");
    static final Stems BSN_WORDS = Stems.of("bsn", "burgerservicenummer", "sofinummer", "sofi", "id",
            "identity", "identification", "identiteit", "identiteitsnummer", "personal", "persoonsnummer");
    /** Words that announce a phone number: they make a bare eight-digit Nordic number ("Ring meg på 41122240") one. */
    static final Stems PHONE_WORDS = Stems.of("ring", "ringe", "ringer", "tlf", "tel", "telefon",
            "telefonnummer", "telefoonnummer", "mobil", "mobile", "mobiel", "mobilnummer", "phone", "call", "nummeret",
            "numret", "nummer", "number", "bel", "handy", "sms", "whatsapp", "reach", "contact", "kontakt", "bereikbaar",
            "erreichbar");
    static final Stems CPR_WORDS = Stems.of("cpr", "cprnummer", "cprnr");
    static final Stems SSN_WORDS = Stems.of("ssn", "security", "socialsecurity");

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

    /**
     * Keywords: short stems must be the whole word ("ref" is not "refund"); longer ones may begin it ("bestell" →
     * "Bestellnummer"). Split once, so that a lookup is a hash probe and a few prefix tests, not a walk over every
     * stem: the words before a number are looked up for every reading of it.
     */
    record Stems(Set<String> whole, List<String> prefixes) {
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
    static List<String> previousWords(String s, int start, int floor, int max) {
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
}
