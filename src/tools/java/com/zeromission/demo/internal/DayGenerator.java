package com.zeromission.demo.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import com.zeromission.demo.DemoProblem;
import com.zeromission.demo.DemoSignal;
import com.zeromission.demo.PlantedPii;
import com.zeromission.intake.Channel;
import com.zeromission.intake.JourneyStage;
import com.zeromission.intake.RawSignal;

/**
 * Generates all signals of one day. A day depends only on (seed, scale, day): it can be generated alone, in any
 * order, and always comes out the same. Within the day, signals are ordered by time and numbered, and that number
 * makes the stable source id ({@code 20250107-000042}).
 */
public final class DayGenerator {

    public static final String SOURCE = "demo";
    private static final DateTimeFormatter DAY_ID = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private final long seed;
    private final double scale;

    public DayGenerator(long seed, double scale) {
        this.seed = seed;
        this.scale = scale;
    }

    /** A signal before it has its place in the day (and so its source id). */
    private record Pending(int second, DemoProblem problem, Channel channel, String market, String product,
            JourneyStage stage, String language, String text, String orderReference, List<String> evidence,
            String customerId, List<PlantedPii> pii) {
    }

    public List<DemoSignal> generate(LocalDate day) {
        SplittableRandom r = Seeds.random(seed, 2, day.toEpochDay());
        DayOfWeek dow = day.getDayOfWeek();
        var pending = new ArrayList<Pending>();
        double[] feedbackWeights = new double[ProblemModel.FEEDBACK_CHANNELS.size()];
        DemoProblem[] problems = DemoProblem.values();
        double[] dynamics = new double[problems.length];
        for (DemoProblem problem : problems) {
            dynamics[problem.ordinal()] = ProblemModel.dynamics(problem, day);
        }
        for (MarketProfile m : Catalog.MARKETS) {
            for (int pi = 0; pi < Catalog.PRODUCTS.size(); pi++) {
                String product = Catalog.PRODUCTS.get(pi);
                double millions = PurchaseModel.purchases(seed, day, m, pi, scale) / 1e6;
                for (DemoProblem problem : problems) {
                    ProblemModel.Profile profile = ProblemModel.profile(problem);
                    double feedbackBase;
                    if (problem == DemoProblem.POSITIVE) {
                        feedbackBase = millions * ProblemModel.positiveRate(day, product);
                    } else {
                        double rate = millions * ProblemModel.complaintRate(problem, dynamics[problem.ordinal()], m,
                                product);
                        int complaints = poisson(r, rate * Season.complaintWeekday(dow));
                        for (int i = 0; i < complaints; i++) {
                            boolean regulator = r.nextDouble() < m.regulatorShare() * profile.escalation();
                            pending.add(signal(day, m, product, problem,
                                    regulator ? Channel.REGULATOR_COMPLAINT : Channel.COMPLAINT, r));
                        }
                        feedbackBase = rate * profile.feedbackPerComplaint();
                    }
                    double total = 0;
                    for (int c = 0; c < feedbackWeights.length; c++) {
                        feedbackWeights[c] = feedbackBase * profile.feedbackMix()[c]
                                * weekday(ProblemModel.FEEDBACK_CHANNELS.get(c), dow);
                        total += feedbackWeights[c];
                    }
                    int feedback = poisson(r, total);
                    for (int i = 0; i < feedback; i++) {
                        pending.add(signal(day, m, product, problem, pickChannel(feedbackWeights, total, r), r));
                    }
                }
            }
        }
        pending.sort(Comparator.comparingInt(Pending::second)); // stable: ties keep generation order
        String dayId = day.format(DAY_ID);
        long dayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        var out = new ArrayList<DemoSignal>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            String sourceId = dayId + "-" + zeroPadded(i + 1);
            String receivedAt = Instant.ofEpochSecond(dayStart + p.second()).toString();
            var raw = new RawSignal(SOURCE, sourceId, p.channel().code(), p.market(), p.product(), p.stage().code(),
                    receivedAt, p.language(), p.text(), p.orderReference(), p.evidence(), p.customerId());
            out.add(new DemoSignal(raw, p.problem(), p.pii()));
        }
        return out;
    }

    private static String zeroPadded(int n) {
        String s = Integer.toString(n);
        return s.length() >= 6 ? s : "000000".substring(s.length()) + s;
    }

    private static double weekday(Channel channel, DayOfWeek dow) {
        return switch (channel) {
            case CUSTOMER_CALL, INTERVIEW, MYSTERY_SHOPPING, SESSION_REPLAY_NOTE -> Season.officeWeekday(dow);
            case FEEDBACK_FORM -> dow == DayOfWeek.SUNDAY ? 1.2 : 0.97;
            default -> Season.complaintWeekday(dow);
        };
    }

    private static Channel pickChannel(double[] weights, double total, SplittableRandom r) {
        double x = r.nextDouble() * total;
        for (int c = 0; c < weights.length; c++) {
            x -= weights[c];
            if (x < 0) {
                return ProblemModel.FEEDBACK_CHANNELS.get(c);
            }
        }
        return ProblemModel.FEEDBACK_CHANNELS.getLast();
    }

    private Pending signal(LocalDate day, MarketProfile m, String product, DemoProblem problem, Channel channel,
            SplittableRandom r) {
        ProblemModel.Profile profile = ProblemModel.profile(problem);
        JourneyStage stage = pickStage(profile.stages(), r);
        String language = language(m, channel, r);
        String order = r.nextDouble() < orderShare(problem, channel) ? OrderReferences.next(r) : null;
        boolean pii = r.nextDouble() < piiShare(channel);
        var text = TextComposer.compose(
                new TextComposer.Request(problem, channel, language, m, product, day, order, pii), r);
        return new Pending(secondOfDay(m, channel, r), problem, channel, m.code(), product, stage, text.language(),
                text.text(), order, evidence(channel, r), customerId(m, channel, r), text.pii());
    }

    private static JourneyStage pickStage(List<Map.Entry<JourneyStage, Double>> stages, SplittableRandom r) {
        double x = r.nextDouble();
        for (Map.Entry<JourneyStage, Double> e : stages) {
            x -= e.getValue();
            if (x < 0) {
                return e.getKey();
            }
        }
        return stages.getLast().getKey();
    }

    /** Customers write in the market's language, some in English; the team writes replay notes mostly in English. */
    static String language(MarketProfile m, Channel channel, SplittableRandom r) {
        if (m.language().equals("en")) {
            return "en";
        }
        double english = switch (channel) {
            case SESSION_REPLAY_NOTE -> 0.8;
            case MYSTERY_SHOPPING -> 0.45;
            case CUSTOMER_CALL, INTERVIEW -> Math.min(1, m.englishShare() + 0.15);
            default -> m.englishShare();
        };
        double x = r.nextDouble();
        if (x < english) {
            return "en";
        }
        if (m.secondLanguage() != null && x < english + m.secondShare()) {
            return m.secondLanguage();
        }
        return m.language();
    }

    private static double orderShare(DemoProblem problem, Channel channel) {
        double base = switch (problem) {
            case CUSTOMER_SERVICE_REACH -> 0.3;
            case CREDIT_DECLINE_UNCLEAR -> 0.35; // a declined purchase often has no order
            case MISC -> 0.15;
            case POSITIVE -> 0.1;
            default -> 0.85;
        };
        return switch (channel) {
            case MYSTERY_SHOPPING -> 1.0;
            case SESSION_REPLAY_NOTE -> base * 0.4;
            case INTERVIEW -> base * 0.3;
            default -> base;
        };
    }

    /** Customers volunteer personal data in their own messages; team notes rarely carry any. */
    private static double piiShare(Channel channel) {
        return switch (channel) {
            case COMPLAINT -> 0.125;
            case REGULATOR_COMPLAINT -> 0.10;
            case SUPPORT_CONTACT, FEEDBACK_FORM -> 0.12;
            case CUSTOMER_CALL -> 0.05;
            case INTERVIEW -> 0.02;
            case SESSION_REPLAY_NOTE -> 0.01;
            case MYSTERY_SHOPPING -> 0;
        };
    }

    private static final double[] WRITING_HOURS = {0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.4, 1.5, 1.5, 1.5, 1.7,
            1.6, 1.5, 1.5, 1.5, 1.6, 1.8, 2.2, 2.6, 2.4, 1.8, 0.9};
    private static final double WRITING_TOTAL = java.util.Arrays.stream(WRITING_HOURS).sum();

    /** US time zones weighted by population: Eastern, Central, Mountain, Pacific. */
    private static final int[] US_OFFSETS = {-5, -6, -7, -8};
    private static final double[] US_WEIGHTS = {0.47, 0.29, 0.07, 0.17};

    /**
     * The second of the UTC day at which the signal arrives: customers write in the evening too, the team works
     * office hours. Local time is folded back into the same UTC day, so that a day's signals never spill into the
     * next one (and never into the future when the last day is yesterday).
     */
    private static int secondOfDay(MarketProfile m, Channel channel, SplittableRandom r) {
        int hour = switch (channel) {
            case COMPLAINT, FEEDBACK_FORM -> writingHour(r);
            case SUPPORT_CONTACT -> 8 + r.nextInt(13);
            default -> 8 + r.nextInt(9);
        };
        int offset = m.utcOffset();
        if (m.code().equals("US")) {
            double x = r.nextDouble();
            offset = US_OFFSETS[3];
            for (int i = 0; i < US_OFFSETS.length; i++) {
                x -= US_WEIGHTS[i];
                if (x < 0) {
                    offset = US_OFFSETS[i];
                    break;
                }
            }
        }
        int local = hour * 3600 + r.nextInt(3600);
        return Math.floorMod(local - offset * 3600, 86_400);
    }

    private static int writingHour(SplittableRandom r) {
        double x = r.nextDouble() * WRITING_TOTAL;
        for (int h = 0; h < 24; h++) {
            x -= WRITING_HOURS[h];
            if (x < 0) {
                return h;
            }
        }
        return 23;
    }

    private static final String EVIDENCE_HOST = "https://files.zeromission.example/";

    private static List<String> evidence(Channel channel, SplittableRandom r) {
        var links = new ArrayList<String>(2);
        switch (channel) {
            case SESSION_REPLAY_NOTE -> {
                links.add("https://replay.zeromission.example/sessions/" + hex(r, 12) + "?t=" + r.nextInt(5, 600));
                if (r.nextInt(5) == 0) {
                    links.add(screenshot(r));
                }
            }
            case MYSTERY_SHOPPING -> {
                if (r.nextInt(10) < 6) {
                    int n = 1 + r.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        links.add(screenshot(r));
                    }
                }
            }
            case REGULATOR_COMPLAINT -> {
                if (r.nextInt(10) < 4) {
                    links.add(EVIDENCE_HOST + "cases/" + hex(r, 10) + ".pdf");
                }
            }
            case COMPLAINT -> {
                if (r.nextInt(10) == 0) {
                    links.add(screenshot(r));
                }
            }
            case FEEDBACK_FORM -> {
                if (r.nextInt(100) < 8) {
                    links.add(screenshot(r));
                }
            }
            case SUPPORT_CONTACT -> {
                if (r.nextInt(100) < 5) {
                    links.add(screenshot(r));
                }
            }
            default -> {
            }
        }
        return links;
    }

    private static String screenshot(SplittableRandom r) {
        return EVIDENCE_HOST + "screenshots/" + hex(r, 10) + ".png";
    }

    private static String hex(SplittableRandom r, int n) {
        var b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(Character.forDigit(r.nextInt(16), 16));
        }
        return b.toString();
    }

    /**
     * A synthetic customer id from a pool per market, so some customers come back (a complaint, then a call).
     * Mystery shoppers are team members and the public feedback form allows anonymous answers.
     */
    private @Nullable String customerId(MarketProfile m, Channel channel, SplittableRandom r) {
        double present = switch (channel) {
            case COMPLAINT -> 0.92;
            case REGULATOR_COMPLAINT -> 0.97;
            case SUPPORT_CONTACT -> 0.9;
            case FEEDBACK_FORM -> 0.55;
            case CUSTOMER_CALL -> 1.0;
            case INTERVIEW -> 0.85;
            case SESSION_REPLAY_NOTE -> 0.6;
            case MYSTERY_SHOPPING -> 0;
        };
        if (r.nextDouble() >= present) {
            return null;
        }
        long pool = Math.max(2_000, Math.round(m.share() * 600_000 * scale));
        return "cust-" + m.code().toLowerCase(Locale.ROOT) + "-" + (1_000_000 + r.nextLong(pool));
    }

    /** Poisson draws: exact (Knuth) for small means, normal approximation for large ones (big benchmark scales). */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = StrictMath.exp(-mean);
            double p = r.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= r.nextDouble();
                k++;
            }
            return k;
        }
        return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * PurchaseModel.gaussian(r)));
    }
}
