package com.zeromission.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import com.zeromission.demo.DemoProblem;
import com.zeromission.demo.PlantedPii;
import com.zeromission.demo.PlantedPii.Kind;
import com.zeromission.intake.Channel;

/**
 * Writes the text of one signal from the phrasebooks: customers in their own voice (short, polite, angry or long,
 * with typos, chat-style lower case and the odd emoji), team members in notes (support summaries, call and
 * interview notes, mystery-shopping reports, session-replay observations), regulators in their forwarding frame.
 */
final class TextComposer {

    static final String OLD_PRODUCT_NAME = "Instant Pay 3";

    enum Voice { SHORT, POLITE, ANGRY, LONG }

    /** What to write about. {@code orderReference} may be null. */
    record Request(DemoProblem problem, Channel channel, String language, MarketProfile market, String product,
            LocalDate day, String orderReference, boolean plantPii) {
    }

    /** The text, the personal data planted in it, and the language it was finally written in. */
    record Composition(String text, List<PlantedPii> pii, String language) {
    }

    private TextComposer() {
    }

    static Composition compose(Request req, SplittableRandom r) {
        Composition c = tryCompose(req, Phrasebook.of(req.language()), r);
        if (c == null && !req.language().equals("en")) {
            // The smaller phrasebooks have no mystery-shopping or replay lines: the team writes those in English.
            c = tryCompose(req, Phrasebook.of("en"), r);
        }
        if (c == null) {
            throw new IllegalStateException("no phrases for " + req.problem().key() + " in channel " + req.channel().code());
        }
        return c;
    }

    private static @Nullable Composition tryCompose(Request req, Phrasebook book, SplittableRandom r) {
        var slots = new Slots(req, book, r);
        String p = req.problem().key();
        List<String> parts = new ArrayList<>();
        boolean customerVoice = false;
        String frame = null;
        switch (req.channel()) {
            case COMPLAINT -> {
                customerVoice = true;
                if (!customer(parts, book, p, voice(r, .25, .30, .18), slots, r)) {
                    return null;
                }
            }
            case FEEDBACK_FORM -> {
                customerVoice = true;
                if (!customer(parts, book, p, voice(r, .35, .30, .12), slots, r)) {
                    return null;
                }
            }
            case REGULATOR_COMPLAINT -> {
                frame = "frame.regulator";
                if (!customer(parts, book, p, r.nextBoolean() ? Voice.POLITE : Voice.LONG, slots, r)) {
                    return null;
                }
            }
            case SUPPORT_CONTACT -> {
                if (r.nextInt(100) < 55) {
                    customerVoice = true; // the customer's own chat or e-mail message
                    if (!customer(parts, book, p, voice(r, .40, .35, .15), slots, r)) {
                        return null;
                    }
                } else {
                    frame = "frame.support";
                    if (!add(parts, book, p + ".note", slots, r)) {
                        return null;
                    }
                }
            }
            case CUSTOMER_CALL -> {
                frame = "frame.call";
                if (!add(parts, book, p + ".note", slots, r)) {
                    return null;
                }
            }
            case INTERVIEW -> {
                frame = "frame.interview";
                if (!add(parts, book, p + ".note", slots, r)) {
                    return null;
                }
                String quote = book.pick(p + ".short", req.day(), r);
                if (quote != null && r.nextBoolean()) {
                    parts.add("\"" + render(quote, slots, r) + "\"");
                }
            }
            case MYSTERY_SHOPPING -> {
                frame = "frame.mystery";
                if (!book.has(frame) || !(add(parts, book, p + ".mystery", slots, r) || add(parts, book, p + ".note", slots, r))) {
                    return null;
                }
            }
            case SESSION_REPLAY_NOTE -> {
                frame = "frame.replay";
                if (!book.has(frame) || !(add(parts, book, p + ".replay", slots, r) || add(parts, book, p + ".note", slots, r))) {
                    return null;
                }
            }
        }

        List<PlantedPii> pii = List.of();
        if (req.plantPii()) {
            pii = plantPii(parts, book, req, customerVoice, slots, r);
            if (pii == null) {
                return null;
            }
        }
        String body = join(parts, r, customerVoice);
        if (frame != null) {
            String f = book.pick(frame, req.day(), r);
            if (f == null) {
                return null;
            }
            slots.body = body;
            body = render(f, slots, r);
        }
        return new Composition(body, pii, book.language());
    }

    private static Voice voice(SplittableRandom r, double shortShare, double politeShare, double angryShare) {
        double x = r.nextDouble();
        if (x < shortShare) {
            return Voice.SHORT;
        }
        if (x < shortShare + politeShare) {
            return Voice.POLITE;
        }
        return x < shortShare + politeShare + angryShare ? Voice.ANGRY : Voice.LONG;
    }

    /** Builds a customer's message; false when the phrasebook has no lines for this problem. */
    private static boolean customer(List<String> parts, Phrasebook book, String p, Voice voice, Slots slots,
            SplittableRandom r) {
        LocalDate day = slots.req.day();
        String core = book.pick(p + ".core", day, r);
        String shortLine = book.pick(p + ".short", day, r);
        if (core == null || shortLine == null) {
            return false;
        }
        switch (voice) {
            case SHORT -> {
                parts.add(noisy(render(shortLine, slots, r), r, 0.25));
                maybe(parts, book, p + ".ask", 0.25, slots, r, 0.2);
            }
            case POLITE -> {
                maybe(parts, book, "open.polite", 0.8, slots, r, 0);
                parts.add(noisy(render(core, slots, r), r, 0.12));
                maybe(parts, book, p + ".detail", 0.45, slots, r, 0.1);
                maybe(parts, book, p + ".ask", 0.7, slots, r, 0.1);
                maybe(parts, book, "close.polite", 0.75, slots, r, 0);
            }
            case ANGRY -> {
                maybe(parts, book, "open.angry", 0.85, slots, r, 0);
                int coreAt = parts.size();
                parts.add(noisy(render(core, slots, r), r, 0.25));
                if (r.nextBoolean()) {
                    String second = book.pickOther(p + ".core", core, day, r);
                    if (second != null) {
                        parts.add(noisy(render(second, slots, r), r, 0.25));
                    }
                }
                maybe(parts, book, p + ".ask", 0.6, slots, r, 0.2);
                maybe(parts, book, "close.angry", 0.7, slots, r, 0);
                if (r.nextInt(100) < 35) {
                    // shouting: one sentence in capitals
                    parts.set(coreAt, parts.get(coreAt).toUpperCase(Locale.ROOT));
                }
                for (int i = 0; i < parts.size(); i++) {
                    if (r.nextBoolean() && parts.get(i).endsWith(".")) {
                        String s = parts.get(i);
                        parts.set(i, s.substring(0, s.length() - 1) + (r.nextBoolean() ? "!" : "!!!"));
                    }
                }
            }
            case LONG -> {
                maybe(parts, book, "open.neutral", 0.7, slots, r, 0);
                parts.add(noisy(render(core, slots, r), r, 0.1));
                String second = book.pickOther(p + ".core", core, day, r);
                if (second != null) {
                    parts.add(noisy(render(second, slots, r), r, 0.1));
                }
                String detail = book.pick(p + ".detail", day, r);
                if (detail != null) {
                    parts.add(noisy(render(detail, slots, r), r, 0.1));
                    if (r.nextBoolean()) {
                        String more = book.pickOther(p + ".detail", detail, day, r);
                        if (more != null) {
                            parts.add(noisy(render(more, slots, r), r, 0.1));
                        }
                    }
                }
                maybe(parts, book, p + ".ask", 0.9, slots, r, 0.05);
                maybe(parts, book, "close.neutral", 0.6, slots, r, 0);
            }
        }
        if (r.nextInt(100) < 7) {
            // chat style: everything lower case, no full stop at the end
            parts.replaceAll(s -> s.toLowerCase(Locale.ROOT));
            String last = parts.getLast();
            if (last.endsWith(".")) {
                parts.set(parts.size() - 1, last.substring(0, last.length() - 1));
            }
        }
        if (r.nextInt(100) < 6) {
            parts.set(parts.size() - 1, parts.getLast() + " " + emoji(voice, p, r));
        }
        return true;
    }

    private static String emoji(Voice voice, String problem, SplittableRandom r) {
        String[] set = problem.equals("positive-feedback") ? new String[] {"😊", "👍", "❤️", "🙌"}
                : switch (voice) {
                    case ANGRY -> new String[] {"😡", "🤬", "😤"};
                    case SHORT -> new String[] {"🙄", "😩", "🤷"};
                    default -> new String[] {"🙏", "🙂", "😕"};
                };
        return set[r.nextInt(set.length)];
    }

    private static boolean add(List<String> parts, Phrasebook book, String section, Slots slots, SplittableRandom r) {
        String line = book.pick(section, slots.req.day(), r);
        if (line == null) {
            return false;
        }
        parts.add(render(line, slots, r));
        return true;
    }

    private static void maybe(List<String> parts, Phrasebook book, String section, double probability, Slots slots,
            SplittableRandom r, double typoRate) {
        if (r.nextDouble() < probability) {
            String line = book.pick(section, slots.req.day(), r);
            if (line != null) {
                parts.add(noisy(render(line, slots, r), r, typoRate));
            }
        }
    }

    private static String join(List<String> parts, SplittableRandom r, boolean customerVoice) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        // Some people write in paragraphs, most in one breath.
        String sep = customerVoice && r.nextInt(100) < 30 ? "\n" : " ";
        return String.join(sep, parts);
    }

    private static final double[] PII_WEIGHTS = {35, 30, 12, 12, 11}; // EMAIL, PHONE, PERSONAL_ID, IBAN, CARD

    /** Adds one (sometimes two) sentences with personal data, before a closing line; null if the book has none. */
    private static @Nullable List<PlantedPii> plantPii(List<String> parts, Phrasebook book, Request req, boolean customerVoice,
            Slots slots, SplittableRandom r) {
        var kinds = new ArrayList<Kind>();
        for (Kind k : SyntheticPii.kindsFor(req.market().code())) {
            if (book.has(piiSection(k, customerVoice, book))) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty()) {
            return null;
        }
        int count = r.nextInt(100) < 15 && kinds.size() > 1 ? 2 : 1;
        var planted = new ArrayList<PlantedPii>(count);
        int insertAt = parts.size() > 1 ? parts.size() - 1 : parts.size();
        for (int i = 0; i < count; i++) {
            Kind kind = weighted(kinds, r);
            kinds.remove(kind);
            String value = SyntheticPii.generate(kind, req.market().code(), book.language(), r);
            slots.pii = value;
            String sentence = render(book.pick(piiSection(kind, customerVoice, book), req.day(), r), slots, r);
            parts.add(insertAt, sentence);
            planted.add(new PlantedPii(kind, value));
        }
        return planted;
    }

    private static String piiSection(Kind kind, boolean customerVoice, Phrasebook book) {
        String k = kind.name().toLowerCase(Locale.ROOT).replace("payment_card", "card");
        String note = "pii.note." + k;
        return !customerVoice && book.has(note) ? note : "pii." + k;
    }

    private static Kind weighted(List<Kind> kinds, SplittableRandom r) {
        double total = 0;
        for (Kind k : kinds) {
            total += PII_WEIGHTS[k.ordinal()];
        }
        double x = r.nextDouble() * total;
        for (Kind k : kinds) {
            x -= PII_WEIGHTS[k.ordinal()];
            if (x < 0) {
                return k;
            }
        }
        return kinds.getLast();
    }

    /** Typos: a swapped, dropped or doubled letter, as people type on a phone. */
    static String noisy(String s, SplittableRandom r, double typoRate) {
        if (typoRate <= 0 || r.nextDouble() >= typoRate || s.length() < 8) {
            return s;
        }
        var b = new StringBuilder(s);
        int typos = 1 + (r.nextInt(4) == 0 ? 1 : 0);
        for (int t = 0; t < typos; t++) {
            int i = 1 + r.nextInt(b.length() - 2);
            // only inside lower-case words: order references, amounts and names stay exactly as given
            if (!Character.isLowerCase(b.charAt(i)) || !Character.isLowerCase(b.charAt(i + 1))) {
                continue;
            }
            switch (r.nextInt(3)) {
                case 0 -> {
                    char x = b.charAt(i);
                    b.setCharAt(i, b.charAt(i + 1));
                    b.setCharAt(i + 1, x);
                }
                case 1 -> b.deleteCharAt(i);
                default -> b.insert(i, b.charAt(i));
            }
        }
        return b.toString();
    }

    /** Fills {slot}s and picks one of [a|b|c]. */
    static String render(String template, Slots slots, SplittableRandom r) {
        if (template.indexOf('{') < 0 && template.indexOf('[') < 0) {
            return template;
        }
        var out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch == '{') {
                int end = template.indexOf('}', i);
                out.append(slots.get(template.substring(i + 1, end)));
                i = end + 1;
            } else if (ch == '[') {
                int end = template.indexOf(']', i);
                String[] options = template.substring(i + 1, end).split("\\|");
                out.append(render(options[r.nextInt(options.length)], slots, r));
                i = end + 1;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /** Slot values for one text, each drawn once so that "{amount}" means the same amount throughout. */
    static final class Slots {
        final Request req;
        final Phrasebook book;
        final SplittableRandom r;
        final Map<String, String> values = new HashMap<>();
        String body;
        String pii;

        Slots(Request req, Phrasebook book, SplittableRandom r) {
            this.req = req;
            this.book = book;
            this.r = r;
        }

        String get(String name) {
            switch (name) {
                case "body" -> {
                    return body;
                }
                case "pii" -> {
                    return pii;
                }
                default -> {
                    String v = values.get(name);
                    if (v == null) {
                        v = make(name);
                        values.put(name, v);
                    }
                    return v;
                }
            }
        }

        private String make(String name) {
            MarketProfile m = req.market();
            String lang = book.language();
            return switch (name) {
                case "merchant" -> r.nextInt(5) == 0 ? Catalog.GLOBAL_MERCHANTS.get(r.nextInt(Catalog.GLOBAL_MERCHANTS.size()))
                        : m.merchants().get(r.nextInt(m.merchants().size()));
                case "item" -> pickOrEnglish("slot.item");
                case "amount" -> Formats.money(euros(), m, lang, r);
                case "fee" -> Formats.fee(m, lang, r);
                case "date" -> Formats.date(req.day().minusDays(r.nextInt(3, 26)), m.code(), lang, r);
                case "days" -> String.valueOf(r.nextInt(3, 31));
                case "weeks" -> String.valueOf(r.nextInt(2, 7));
                case "order" -> req.orderReference() != null ? req.orderReference() : OrderReferences.next(r);
                case "oldname" -> OLD_PRODUCT_NAME;
                case "newname" -> pickOrEnglish("slot.newname");
                case "january" -> m.code().equals("AT") ? "Jänner" : "Januar";
                default -> throw new IllegalStateException("unknown slot {" + name + "} in a " + lang + " phrase");
            };
        }

        private String pickOrEnglish(String section) {
            String v = book.pick(section, req.day(), r);
            return v != null ? v : Phrasebook.of("en").pick(section, req.day(), r);
        }

        /** Purchase amounts, log-uniform: financing buys sofas and laptops, the rest mostly clothes and gadgets. */
        private double euros() {
            double lo = req.product().equals("financing") ? 300 : 15;
            double hi = req.product().equals("financing") ? 4000 : 400;
            return lo * StrictMath.exp(r.nextDouble() * StrictMath.log(hi / lo));
        }
    }
}
