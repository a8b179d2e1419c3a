package com.zeromission.privacy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.zeromission.privacy.CheckDigits;
import com.zeromission.privacy.PiiType;

/**
 * A seeded, labelled set of synthetic customer texts in Swedish, English, Dutch and German for measuring the masker.
 * Every piece of personal data is generated with valid check digits and recorded with its exact position; the
 * texts are also full of things that must stay readable (order and invoice numbers, OCR references, amounts, dates,
 * postcodes, tracking codes, and cards/IBANs/personnummer whose check digits are wrong). Same seed, same corpus.
 */
public final class LabelledCorpus {

    /** One labelled text: where each piece of personal data sits. */
    public record Entity(int start, int end, PiiType type) {
    }

    /**
     * One labelled text. {@code bareIds}: Danish CPR and Dutch BSN numbers written without their keyword, which the
     * masker leaves readable by design; only the measurement of that trade-off counts them.
     */
    public record LabelledText(String language, String text, List<Entity> entities, List<Entity> bareIds) {
        public LabelledText {
            entities = List.copyOf(entities);
            bareIds = List.copyOf(bareIds);
        }

        public LabelledText(String language, String text, List<Entity> entities) {
            this(language, text, entities, List.of());
        }
    }

    public static final List<String> LANGUAGES = List.of("sv", "en", "nl", "de");

    // Slots: positives {EMAIL} {PHONE} {ID} {IBAN} {CARD}; negatives {ORDER} {INVOICE} {AMOUNT} {DATE} {TIME}
    // {POST} {TRACK} {BADCARD} {BADIBAN} {BADID} {VERSION} {COUNT}.
    private static final Map<String, List<String>> TEMPLATES = Map.of(
            "sv", List.of(
                    "Hej! Jag har inte fått någon faktura för ordernummer {ORDER} men nu kom en påminnelseavgift på {AMOUNT}. Ring mig på {PHONE} eller maila {EMAIL}.",
                    "Mitt personnummer är {ID} och jag nekades köpet den {DATE} utan förklaring.",
                    "Återbetalningen på {AMOUNT} har inte kommit till mitt konto {IBAN}. Returen skickades {DATE} med kollinummer {TRACK}.",
                    "Varför dras pengar från kortet {CARD}? Jag valde ju att dela upp betalningen i 3.",
                    "Försökte nå kundtjänst {COUNT} gånger idag kl {TIME}, ingen svarar. Nås på {PHONE}.",
                    "Fakturanummer {INVOICE}, OCR {INVOICE}. Jag har betalat {AMOUNT} redan, se kontoutdrag.",
                    "Appen (version {VERSION}) kraschar när jag ska logga in med BankID. Mejl: {EMAIL}",
                    "Paketet skulle till {POST} men hamnade fel. Kontakta mig: {EMAIL} / {PHONE}",
                    "Kortnummer {BADCARD} står på fakturan men det är inte mitt kort.",
                    "jag har personnr {ID} och vill att ni raderar mina uppgifter",
                    "Skickade pengarna till {BADIBAN} enligt fakturan men de kom tillbaka",
                    "Kolla {ID} igen, jag är inte skyldig något! Pengarna drogs från {CARD} den {DATE}.",
                    "Fel personnummer på fakturan: {BADID} stämmer inte.",
                    "Tack för snabb hjälp med returen av order {ORDER}!",
                    "Länken https://{USERINFO}@butik.example.se/mina-kop ger bara ett fel, kundnummer {ORDER}."),
            "en", List.of(
                    "I never received the invoice for order {ORDER} and now there is a late fee of {AMOUNT}. Call me at {PHONE} or email {EMAIL}.",
                    "My SSN is {SSN}, why was my credit declined on {DATE}?",
                    "The refund of {AMOUNT} still hasn't reached my account {IBAN}. Returned the parcel on {DATE}, tracking {TRACK}.",
                    "You charged my card {CARD} twice for the same purchase!!",
                    "Tried to reach customer service {COUNT} times today at {TIME}. Please call back on {PHONE}.",
                    "Invoice {INVOICE} was paid in full ({AMOUNT}) on {DATE}.",
                    "App version {VERSION} keeps logging me out. Contact: {EMAIL}",
                    "Delivery address {POST}, but the courier said nobody was home. Reach me at {PHONE}, thanks",
                    "The card number {BADCARD} on the statement is not mine.",
                    "Please remove my data. Personal id {ID}, email {EMAIL}",
                    "I transferred the money to {BADIBAN} as the invoice said",
                    "my fødselsnummer is {NOID} and the app says it is invalid",
                    "Order {ORDER} arrived broken, I paid {AMOUNT} with card {CARD}.",
                    "Great service, the agent sorted my refund in {COUNT} minutes!",
                    "My National Insurance number is {NINO}, the credit check says it does not match.",
                    "The reset link https://{USERINFO}@shop.example.co.uk/account?order={ORDER} logged me in as someone else",
                    "Danish customer here, my number is {BARECPR}, please check why I was declined."),
            "nl", List.of(
                    "Ik heb geen factuur ontvangen voor bestelnummer {ORDER} en nu krijg ik een aanmaning van {AMOUNT}. Bel me op {PHONE} of mail {EMAIL}.",
                    "Mijn BSN is {ID}, waarom wordt mijn aankoop van {DATE} geweigerd?",
                    "De terugbetaling van {AMOUNT} staat nog steeds niet op rekening {IBAN}. Retour verstuurd op {DATE}, trackingcode {TRACK}.",
                    "Er is twee keer afgeschreven van mijn creditcard {CARD}!",
                    "Ik heb {COUNT} keer gebeld om {TIME} maar niemand neemt op. Bereikbaar op {PHONE}.",
                    "Factuurnummer {INVOICE} heb ik op {DATE} betaald ({AMOUNT}).",
                    "De app (versie {VERSION}) loopt vast bij het inloggen. Mail: {EMAIL}",
                    "Het pakket moest naar {POST} maar kwam nooit aan. Contact: {EMAIL} of {PHONE}",
                    "Kaartnummer {BADCARD} op het overzicht is niet van mij.",
                    "Ik heb het bedrag overgemaakt naar {BADIBAN} zoals op de factuur stond",
                    "burgerservicenummer {ID} staat verkeerd in jullie systeem",
                    "Bedankt voor de snelle hulp met bestelling {ORDER}!",
                    "De link https://{USERINFO}@winkel.example.nl/account werkt niet, order {ORDER}.",
                    "Mijn nummer is {BAREBSN}, kunnen jullie mijn gegevens aanpassen?"),
            "de", List.of(
                    "Ich habe keine Rechnung für Bestellnummer {ORDER} bekommen und jetzt eine Mahngebühr von {AMOUNT}. Rufen Sie mich an unter {PHONE} oder schreiben Sie an {EMAIL}.",
                    "Die Erstattung über {AMOUNT} ist immer noch nicht auf meinem Konto {IBAN}. Rücksendung am {DATE}, Sendungsnummer {TRACK}.",
                    "Warum wurde meine Kreditkarte {CARD} doppelt belastet?",
                    "Ich habe {COUNT} Mal um {TIME} beim Kundenservice angerufen. Bitte Rückruf unter {PHONE}.",
                    "Rechnungsnummer {INVOICE} wurde am {DATE} bezahlt ({AMOUNT}).",
                    "Die App (Version {VERSION}) stürzt beim Login ab. E-Mail: {EMAIL}",
                    "Lieferadresse {POST}, aber das Paket kam nie an. Erreichbar unter {PHONE} oder {EMAIL}",
                    "Die Kartennummer {BADCARD} auf der Abrechnung gehört mir nicht.",
                    "Ich habe den Betrag an {BADIBAN} überwiesen, wie auf der Rechnung stand",
                    "Bitte löschen Sie meine Daten, meine Mailadresse ist {EMAIL} und meine IBAN {IBAN}.",
                    "Danke für die schnelle Hilfe mit Bestellung {ORDER}!",
                    "Der Link https://{USERINFO}@shop.example.de/konto funktioniert nicht, Bestellung {ORDER}."));

    private final SplittableRandom random;

    private LabelledCorpus(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code perLanguage} texts in each of {@link #LANGUAGES}, reproducible for a given seed. */
    public static List<LabelledText> generate(long seed, int perLanguage) {
        var corpus = new LabelledCorpus(seed);
        var texts = new ArrayList<LabelledText>(perLanguage * LANGUAGES.size());
        for (String language : LANGUAGES) {
            List<String> templates = TEMPLATES.get(language);
            for (int k = 0; k < perLanguage; k++) {
                texts.add(corpus.fill(language, templates.get(corpus.random.nextInt(templates.size()))));
            }
        }
        return texts;
    }

    private LabelledText fill(String language, String template) {
        var text = new StringBuilder();
        var entities = new ArrayList<Entity>();
        var bareIds = new ArrayList<Entity>();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                text.append(template, at, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            text.append(template, at, open);
            String slot = template.substring(open + 1, close);
            PiiType type = switch (slot) {
                case "EMAIL" -> PiiType.EMAIL;
                case "PHONE" -> PiiType.PHONE;
                case "ID", "NOID", "SSN", "NINO" -> PiiType.PERSONAL_ID;
                case "USERINFO" -> PiiType.URL_USER_INFO;
                case "BARECPR", "BAREBSN" -> PiiType.PERSONAL_ID;
                case "IBAN" -> PiiType.IBAN;
                case "CARD" -> PiiType.PAYMENT_CARD;
                default -> null;
            };
            String value = value(language, slot);
            int unlabelled = value.indexOf('\u0000');
            if (unlabelled >= 0) {
                // A keyword that belongs with the value ("CPR-nr. 010190-1234") but is not personal data itself.
                text.append(value, 0, unlabelled).append(' ');
                value = value.substring(unlabelled + 1);
            }
            if (type != null) {
                // A CPR or BSN without its keyword is left readable by design: only the trade-off counts it.
                (slot.startsWith("BARE") ? bareIds : entities).add(new Entity(text.length(), text.length() + value.length(), type));
            }
            text.append(value);
            at = close + 1;
        }
        return new LabelledText(language, text.toString(), entities, bareIds);
    }

    private String value(String language, String slot) {
        return switch (slot) {
            case "EMAIL" -> email(language);
            case "PHONE" -> phone(language);
            case "ID" -> switch (language) {
                case "sv" -> swedishId(true);
                case "nl" -> bsn();
                default -> pick(ssn(), hetu(), "CPR-nr.\u0000" + cpr(), "henkilötunnus\u0000" + hetu());
            };
            case "SSN" -> ssn();
            case "NINO" -> nationalInsuranceNumber();
            case "USERINFO" -> userInfo();
            case "BARECPR" -> cpr();
            case "BAREBSN" -> bsn();
            case "NOID" -> norwegianId();
            case "IBAN" -> iban(pick(countryFor(language), "SE", "DE", "NL", "GB", "NO", "DK", "FI", "AT"), true);
            case "CARD" -> card(true);
            case "ORDER" -> readable(() -> pick(digits(8 + random.nextInt(5)), "0" + digits(9), digits(3) + "-" + digits(7) + "-" + digits(7),
                    "#" + digits(9), "KL-" + digits(10)));
            case "INVOICE" -> readable(() -> pick(digits(10 + random.nextInt(6)), "2024" + digits(7), digits(4) + " " + digits(4) + " " + digits(4)));
            case "AMOUNT" -> pick(random.nextInt(1, 30) + " " + digits(3) + " kr", random.nextInt(1, 9) + "." + digits(3) + ",00 €",
                    "€ " + random.nextInt(10, 999) + "," + digits(2), "$" + random.nextInt(1, 9) + "," + digits(3) + "." + digits(2),
                    random.nextInt(1, 99) + " 000 SEK", random.nextInt(10, 999) + ":-");
            case "DATE" -> date();
            case "TIME" -> pick(String.format(Locale.ROOT, "%02d:%02d", random.nextInt(24), random.nextInt(60)),
                    String.format(Locale.ROOT, "%02d.%02d", random.nextInt(8, 18), random.nextInt(60)));
            case "POST" -> pick(random.nextInt(100, 999) + " " + digits(2) + " Stockholm", "Hauptstraße 12, " + random.nextInt(10000, 99999) + " Berlin",
                    random.nextInt(1000, 9999) + " AB Amsterdam", "SW1A 1AA London", "Storgatan " + random.nextInt(1, 99) + ", 411 05 Göteborg");
            case "TRACK" -> pick("00" + digits(18), "JJD" + digits(15), "1Z999AA1" + digits(8), "UA" + digits(9) + "SE", "3S" + "DHL" + digits(9));
            case "BADCARD" -> card(false);
            case "BADIBAN" -> iban(pick("SE", "DE", "NL", "GB"), false);
            case "BADID" -> swedishId(false);
            case "VERSION" -> random.nextInt(20, 27) + "." + random.nextInt(0, 12) + "." + random.nextInt(0, 9);
            case "COUNT" -> String.valueOf(random.nextInt(2, 45));
            default -> throw new IllegalArgumentException("unknown slot {" + slot + "}");
        };
    }

    /**
     * A reference number that is not, by the labelling rule (check digits decide), a personnummer, fødselsnummer
     * or card: about one random ten-digit number in 140 is a valid personnummer, and labelling it "readable"
     * would count the masker wrong for masking what the rule calls personal data.
     */
    private String readable(java.util.function.Supplier<String> reference) {
        while (true) {
            String value = reference.get();
            String d = value.replaceAll("[^0-9]", "");
            if (!CheckDigits.swedishPersonalNumber(d) && !CheckDigits.norwegianBirthNumber(d) && !CheckDigits.paymentCard(d)) {
                return value;
            }
        }
    }

    private static String countryFor(String language) {
        return switch (language) {
            case "sv" -> "SE";
            case "nl" -> "NL";
            case "de" -> "DE";
            default -> "GB";
        };
    }

    // ------------------------------------------------------------------ personal data with valid check digits

    private static final String[] FIRST = {"anna", "erik", "åsa", "björn", "jürgen", "lotte", "sanne", "jan", "emma",
            "oliver", "maría", "lars", "fatima", "mohammed", "sophie", "kees", "anneke", "lukas", "maja", "noah"};
    private static final String[] LAST = {"svensson", "lindqvist", "müller", "de.vries", "jansen", "smith", "brown",
            "nilsson", "schmidt", "vandenberg", "öberg", "hansen", "virtanen", "o.neill", "khan", "weber"};
    private static final String[] DOMAINS = {"gmail.com", "hotmail.se", "outlook.com", "web.de", "gmx.de", "ziggo.nl",
            "yahoo.co.uk", "telia.com", "live.nl", "posteo.de", "icloud.com", "mail.företag.se", "student.uva.nl", "bredband.net"};

    private String email(String language) {
        String first = FIRST[random.nextInt(FIRST.length)], last = LAST[random.nextInt(LAST.length)];
        String local = switch (random.nextInt(5)) {
            case 0 -> first + "." + last;
            case 1 -> first + last.charAt(0) + random.nextInt(1950, 2010);
            case 2 -> first + "_" + last + "+shopping";
            case 3 -> (first.charAt(0) + "." + last).toUpperCase(Locale.ROOT);
            default -> first + random.nextInt(1, 99);
        };
        String address = local + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
        return random.nextInt(8) == 0 ? disguised(address) : address;
    }

    /**
     * An address as it arrives from web forms, copied text and people who know what a masker is: an invisible
     * character or a thin space inside it, or its '@' and dots percent-encoded or written as character references.
     */
    private String disguised(String address) {
        int at = address.indexOf('@');
        return switch (random.nextInt(5)) {
            case 0 -> address.substring(0, at) + pick("\u200b", "\u2060", "\u00ad", "\u200d") + address.substring(at);
            case 1 -> address.substring(0, 1) + pick("\u200b", "\u00ad") + address.substring(1);
            case 2 -> address.substring(0, at) + "\u2009@\u2009" + address.substring(at + 1);
            case 3 -> address.replace("@", pick("%40", "%40", "&#64;")).replace(".", pick(".", "%2E"));
            default -> address.replace("@", "\uff20");
        };
    }

    private String plainPhone(String language) {
        String country = random.nextInt(5) == 0 ? pick("SE", "DE", "NL", "GB", "US", "NO", "DK", "FI") : countryFor(language);
        if (language.equals("en") && random.nextBoolean()) {
            country = "US";
        }
        return switch (country) {
            case "SE" -> pick("07" + random.nextInt(10) + "-" + digits(3) + " " + digits(2) + " " + digits(2),
                    "07" + random.nextInt(10) + digits(7), "+46 7" + random.nextInt(10) + " " + digits(3) + " " + digits(2) + " " + digits(2),
                    "+467" + random.nextInt(10) + digits(7), "08-" + digits(3) + " " + digits(3) + " " + digits(2));
            case "DE" -> pick("01" + random.nextInt(5, 8) + random.nextInt(10) + " " + digits(7), "+49 1" + random.nextInt(5, 8) + random.nextInt(10) + " " + digits(7),
                    "030 " + digits(8), "+49 (0)30 " + digits(7), "0049 89 " + digits(7), "0221/" + digits(6));
            case "NL" -> pick("06-" + digits(8), "06 " + digits(8), "+31 6 " + digits(8), "020-" + digits(7), "+31 (0)20 " + digits(3) + " " + digits(4));
            case "GB" -> pick("07700 " + digits(6), "+44 7700 " + digits(6), "020 7946 " + digits(4), "+44 (0)20 7946 " + digits(4));
            case "US" -> {
                String area = (random.nextInt(2, 10)) + digits(2), ex = random.nextInt(2, 10) + digits(2), line = digits(4);
                yield pick("(" + area + ") " + ex + "-" + line, area + "-" + ex + "-" + line, "+1 " + area + " " + ex + " " + line, area + "." + ex + "." + line);
            }
            case "NO" -> pick("+47 9" + digits(2) + " " + digits(2) + " " + digits(3), "9" + digits(2) + " " + digits(2) + " " + digits(3));
            case "DK" -> pick("+45 " + random.nextInt(20, 99) + " " + digits(2) + " " + digits(2) + " " + digits(2),
                    random.nextInt(20, 99) + " " + digits(2) + " " + digits(2) + " " + digits(2));
            default -> pick("040 " + digits(3) + " " + digits(4), "+358 40 " + digits(3) + " " + digits(4));
        };
    }

    /** A phone number with its spaces written as no-break or thin spaces, or an invisible character inside. */
    private String phone(String language) {
        String phone = plainPhone(language);
        return switch (random.nextInt(10)) {
            case 0 -> phone.replace(" ", pick("\u00a0", "\u2009", "\u202f", "\u2007"));
            case 1 -> {
                int cut = 1 + random.nextInt(phone.length() - 1);
                yield phone.substring(0, cut) + pick("\u200b", "\u00ad", "\u2060") + phone.substring(cut);
            }
            default -> phone;
        };
    }

    /** Letters HMRC allocates as National Insurance prefixes (first, second; a few pairs are excluded below). */
    private static final String NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
    private static final String NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";

    private String nationalInsuranceNumber() {
        String prefix;
        do {
            prefix = "" + NINO_FIRST.charAt(random.nextInt(NINO_FIRST.length()))
                    + NINO_SECOND.charAt(random.nextInt(NINO_SECOND.length()));
        } while (List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix));
        String six = digits(6);
        char suffix = (char) ('A' + random.nextInt(4));
        return switch (random.nextInt(3)) {
            case 0 -> prefix + six + suffix;
            case 1 -> prefix + " " + six.substring(0, 2) + " " + six.substring(2, 4) + " " + six.substring(4) + " " + suffix;
            default -> prefix + pick("\u00a0", " ") + six + pick("\u00a0", " ") + suffix;
        };
    }

    private String userInfo() {
        String first = FIRST[random.nextInt(FIRST.length)].replace("å", "a").replace("ü", "u").replace("í", "i");
        return switch (random.nextInt(3)) {
            case 0 -> first + ":" + pick("hunter2", "Sommar2024!", "secret", "geheim123", "wachtwoord");
            case 1 -> first + "." + LAST[random.nextInt(LAST.length)].replace(".", "") + ":" + digits(6);
            default -> first + random.nextInt(10, 99);
        };
    }

    private String swedishId(boolean valid) {
        LocalDate birth = LocalDate.of(random.nextInt(1940, 2006), random.nextInt(1, 13), random.nextInt(1, 29));
        int day = birth.getDayOfMonth() + (random.nextInt(10) == 0 ? 60 : 0); // some samordningsnummer
        String yymmdd = String.format(Locale.ROOT, "%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(), day);
        String serial = digits(3);
        int check = CheckDigits.luhnDigit(yymmdd + serial);
        if (!valid) {
            check = (check + 1 + random.nextInt(9)) % 10;
        }
        String century = String.valueOf(birth.getYear() / 100);
        return switch (random.nextInt(6)) {
            case 0 -> yymmdd + "-" + serial + check;
            case 1 -> century + yymmdd + serial + check;
            case 2 -> century + yymmdd + "-" + serial + check;
            case 3 -> yymmdd + pick(" ", "\u00a0") + serial + check;
            case 4 -> century + yymmdd + " " + serial + check;
            default -> yymmdd + serial + check;
        };
    }

    private String norwegianId() {
        while (true) {
            LocalDate birth = LocalDate.of(random.nextInt(1940, 2000), random.nextInt(1, 13), random.nextInt(1, 29));
            // Individual numbers 000–499 belong to people born 1900–1999.
            String base = String.format(Locale.ROOT, "%02d%02d%02d%03d", birth.getDayOfMonth(), birth.getMonthValue(),
                    birth.getYear() % 100, random.nextInt(500));
            int[] checks = CheckDigits.norwegianCheckDigits(base);
            if (checks != null) {
                return base + checks[0] + checks[1];
            }
        }
    }

    private String cpr() {
        LocalDate birth = LocalDate.of(random.nextInt(1940, 2006), random.nextInt(1, 13), random.nextInt(1, 29));
        return String.format(Locale.ROOT, "%02d%02d%02d-%s", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100, digits(4));
    }

    private String hetu() {
        LocalDate birth = LocalDate.of(random.nextInt(1940, 2006), random.nextInt(1, 13), random.nextInt(1, 29));
        String ddmmyy = String.format(Locale.ROOT, "%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100);
        String serial = String.format(Locale.ROOT, "%03d", random.nextInt(2, 900));
        char sign = birth.getYear() >= 2000 ? 'A' : '-';
        return ddmmyy + sign + serial + CheckDigits.finnishCheckChar(ddmmyy, serial);
    }

    private String bsn() {
        while (true) {
            String base = random.nextInt(1, 10) + digits(7);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (base.charAt(i) - '0') * (9 - i);
            }
            int last = sum % 11;
            if (last <= 9) {
                return random.nextBoolean() ? base + last : base.substring(0, 4) + "." + base.substring(4, 6) + "." + base.substring(6) + last;
            }
        }
    }

    private String ssn() {
        int area = random.nextInt(1, 900);
        if (area == 666) {
            area = 667;
        }
        return String.format(Locale.ROOT, "%03d-%02d-%04d", area, random.nextInt(1, 100), random.nextInt(1, 10000));
    }

    private static final Map<String, String> BBAN_SHAPE = Map.of("SE", "nnnnnnnnnnnnnnnnnnnn", "DE", "nnnnnnnnnnnnnnnnnn",
            "NL", "AAAAnnnnnnnnnn", "GB", "AAAAnnnnnnnnnnnnnn", "NO", "nnnnnnnnnnn", "DK", "nnnnnnnnnnnnnn",
            "FI", "nnnnnnnnnnnnnn", "AT", "nnnnnnnnnnnnnnnn");

    private String iban(String country, boolean valid) {
        var bban = new StringBuilder();
        for (char c : BBAN_SHAPE.get(country).toCharArray()) {
            bban.append(c == 'n' ? (char) ('0' + random.nextInt(10)) : (char) ('A' + random.nextInt(26)));
        }
        int check = Integer.parseInt(CheckDigits.ibanCheckDigits(country, bban.toString()));
        if (!valid) {
            // Check digits are unique modulo 97: any other value in 02..98 makes the IBAN invalid.
            check = 2 + (check - 2 + random.nextInt(1, 97)) % 97;
        }
        String compact = country + String.format(Locale.ROOT, "%02d", check) + bban;
        if (random.nextBoolean()) {
            return compact;
        }
        var grouped = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            grouped.append(i == 0 ? "" : " ").append(compact, i, Math.min(compact.length(), i + 4));
        }
        return grouped.toString();
    }

    private String card(boolean valid) {
        String prefix = pick("4", "5" + random.nextInt(1, 6), "34", "37");
        int length = prefix.startsWith("3") ? 15 : 16;
        String body = prefix + digits(length - 1 - prefix.length());
        int check = CheckDigits.luhnDigit(body);
        if (!valid) {
            check = (check + 1 + random.nextInt(9)) % 10;
        }
        String number = body + check;
        String separator = pick(" ", "-", "", " ", ".", "\u00a0", "\u2009");
        if (separator.isEmpty()) {
            return number;
        }
        if (random.nextInt(6) == 0) { // in pairs or threes, as people read a number out
            int size = 2 + random.nextInt(2);
            var grouped = new StringBuilder();
            for (int i = 0; i < number.length(); i += size) {
                grouped.append(i == 0 ? "" : separator).append(number, i, Math.min(number.length(), i + size));
            }
            return grouped.toString();
        }
        if (length == 15) {
            return number.substring(0, 4) + separator + number.substring(4, 10) + separator + number.substring(10);
        }
        return number.substring(0, 4) + separator + number.substring(4, 8) + separator + number.substring(8, 12) + separator + number.substring(12);
    }

    private String date() {
        LocalDate d = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1000));
        return pick(d.toString(), String.format(Locale.ROOT, "%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()),
                String.format(Locale.ROOT, "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()),
                String.format(Locale.ROOT, "%d/%d/%d", d.getMonthValue(), d.getDayOfMonth(), d.getYear()));
    }

    // ------------------------------------------------------------------ helpers

    private String digits(int count) {
        var sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
