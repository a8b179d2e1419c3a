package com.zeromission.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zeromission.demo.PlantedPii.Kind;
import com.zeromission.privacy.CheckDigits;
import com.zeromission.intake.Channel;
import com.zeromission.intake.SignalSubmission;

class DemoDataGeneratorTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T17:00:00Z"), ZoneOffset.UTC);
    /** A tenth of the default demo over the whole period: every market, problem and channel, quickly. */
    static final DemoSettings SMALL = DemoSettings.defaults(CLOCK).withScale(0.1);
    static List<DemoSignal> small;

    @BeforeAll
    static void generate() {
        small = new DemoDataGenerator(SMALL).signals().toList();
    }

    private static String csv(DemoSettings settings, DemoExport.Format format) throws IOException {
        var out = new StringWriter();
        DemoExport.write(new DemoDataGenerator(settings), format, out);
        return out.toString();
    }

    @Test
    void sameSeedGivesIdenticalOutput() throws IOException {
        var settings = new DemoSettings(42, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 15), 0.5);
        for (DemoExport.Format format : DemoExport.Format.values()) {
            assertThat(csv(settings, format)).as(format.name()).isEqualTo(csv(settings, format));
        }
    }

    @Test
    void anotherSeedGivesOtherData() throws IOException {
        var settings = new DemoSettings(42, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), 0.5);
        assertThat(csv(settings.withSeed(43), DemoExport.Format.OWN)).isNotEqualTo(csv(settings, DemoExport.Format.OWN));
        assertThat(csv(settings.withSeed(43), DemoExport.Format.PURCHASES))
                .isNotEqualTo(csv(settings, DemoExport.Format.PURCHASES));
    }

    @Test
    void aDayComesOutTheSameWhateverThePeriod() {
        // the loader tops up new days on a restart: a day must not depend on when the period started or ended
        LocalDate day = LocalDate.of(2025, 3, 17);
        var alone = new DemoDataGenerator(new DemoSettings(7, day, day, 1)).signals().toList();
        var within = new DemoDataGenerator(new DemoSettings(7, day.minusDays(30), day.plusDays(3), 1)).signals()
                .filter(s -> s.raw().receivedAt().startsWith(day.toString())).toList();
        assertThat(alone).isNotEmpty().isEqualTo(within);
    }

    @Test
    void defaultPeriodRunsFrom2024ThroughYesterday() {
        assertThat(SMALL.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(SMALL.to()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(small.getLast().raw().receivedAt()).startsWith("2026-11-22");
    }

    @Test
    void settingsRefuseNonsense() {
        assertThatThrownBy(() -> new DemoSettings(1, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1), 1))
                .hasMessageContaining("before");
        assertThatThrownBy(() -> SMALL.withScale(0)).hasMessageContaining("scale");
        assertThatThrownBy(() -> SMALL.withScale(Double.NaN)).hasMessageContaining("scale");
    }

    @Test
    void everySignalIsAcceptedByIntake() {
        for (DemoSignal s : small) {
            SignalSubmission parsed = SignalSubmission.parse(s.raw(), CLOCK);
            assertThat(parsed.source()).isEqualTo("demo");
        }
    }

    @Test
    void sourceIdsAreUniqueAndSignalsComeInTimeOrder() {
        Set<String> ids = new HashSet<>();
        Instant previous = Instant.MIN;
        for (DemoSignal s : small) {
            assertThat(ids.add(s.raw().sourceId())).as("duplicate %s", s.raw().sourceId()).isTrue();
            Instant at = Instant.parse(s.raw().receivedAt());
            assertThat(at).isAfterOrEqualTo(previous);
            // the id names the day the signal arrived
            assertThat(s.raw().sourceId()).startsWith(s.raw().receivedAt().substring(0, 10).replace("-", ""));
            previous = at;
        }
    }

    @Test
    void everyChannelMarketProductAndProblemOccurs() {
        assertThat(small.stream().map(s -> s.raw().channel()).distinct())
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(Channel.values()).map(Channel::code).toList());
        assertThat(small.stream().map(s -> s.raw().market()).distinct())
                .containsExactlyInAnyOrderElementsOf(DemoDataGenerator.markets());
        assertThat(small.stream().map(s -> s.raw().product()).distinct())
                .containsExactlyInAnyOrderElementsOf(DemoDataGenerator.products());
        assertThat(small.stream().map(DemoSignal::problem).distinct()).containsExactlyInAnyOrder(DemoProblem.values());
    }

    @Test
    void positiveFeedbackIsNeverAComplaint() {
        assertThat(small).filteredOn(s -> s.problem() == DemoProblem.POSITIVE).isNotEmpty()
                .noneMatch(DemoSignal::countsAsComplaint);
    }

    @Test
    void customersWriteInTheirMarketsLanguagesAndSomeInEnglish() {
        Map<String, Map<String, Integer>> byMarket = new HashMap<>();
        for (DemoSignal s : small) {
            if (s.countsAsComplaint()) {
                byMarket.computeIfAbsent(s.raw().market(), m -> new HashMap<>()).merge(s.raw().language(), 1, Integer::sum);
            }
        }
        Map<String, String> main = Map.of("SE", "sv", "NO", "nb", "DK", "da", "FI", "fi", "DE", "de", "AT", "de", "NL",
                "nl", "GB", "en", "US", "en");
        main.forEach((market, language) -> {
            Map<String, Integer> langs = byMarket.get(market);
            int total = langs.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(langs.get(language) / (double) total).as("%s in %s", language, market).isGreaterThan(0.8);
            if (!language.equals("en")) {
                assertThat(langs.getOrDefault("en", 0) / (double) total).as("English in %s", market).isBetween(0.02, 0.15);
            }
        });
        assertThat(byMarket.get("FI")).containsKey("sv");
    }

    @Test
    void teamNotesAreMostlyInEnglishForSessionReplays() {
        var replays = small.stream().filter(s -> s.raw().channel().equals("session-replay-note")
                && !List.of("GB", "US").contains(s.raw().market())).toList();
        assertThat(replays.stream().filter(s -> "en".equals(s.raw().language())).count())
                .isGreaterThan(replays.size() * 7L / 10);
    }

    @Test
    void textsAreVariedNotAHandfulOfTemplates() {
        for (String language : List.of("sv", "en", "de", "nl")) {
            var texts = small.stream().filter(s -> language.equals(s.raw().language()) && s.countsAsComplaint())
                    .map(s -> s.raw().text()).toList();
            assertThat(new HashSet<>(texts).size()).as("distinct %s complaint texts", language)
                    .isGreaterThan(texts.size() * 6 / 10);
        }
    }

    @Test
    void aboutOneTextInTenCarriesPersonalData() {
        long withPii = small.stream().filter(s -> !s.pii().isEmpty()).count();
        assertThat(withPii / (double) small.size()).isBetween(0.08, 0.13);
        Set<Kind> kinds = new HashSet<>();
        small.forEach(s -> s.pii().forEach(p -> kinds.add(p.kind())));
        assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
    }

    @Test
    void plantedPersonalDataIsInTheTextAndHasValidCheckDigits() {
        var checked = new HashMap<Kind, Integer>();
        for (DemoSignal s : small) {
            for (PlantedPii pii : s.pii()) {
                String v = pii.value();
                assertThat(s.raw().text()).contains(v);
                String digits = v.replaceAll("[^0-9]", "");
                switch (pii.kind()) {
                    case EMAIL -> assertThat(v).matches("[A-Za-z0-9._]+@([a-z]+\\.)*example\\.(com|org|net)");
                    case PHONE -> assertThat(digits.length()).isBetween(7, 13);
                    case IBAN -> assertThat(CheckDigits.iban(v.replace(" ", "").toUpperCase(java.util.Locale.ROOT))).as(v).isTrue();
                    case PAYMENT_CARD -> assertThat(CheckDigits.luhn(digits)).as(v).isTrue();
                    case PERSONAL_ID -> assertThat(validPersonalId(s.raw().market(), v)).as(s.raw().market() + " " + v).isTrue();
                }
                checked.merge(pii.kind(), 1, Integer::sum);
            }
        }
        assertThat(checked.get(Kind.PERSONAL_ID)).isGreaterThan(20);
        assertThat(checked.get(Kind.IBAN)).isGreaterThan(20);
        assertThat(checked.get(Kind.PAYMENT_CARD)).isGreaterThan(20);
    }

    /** Checked here independently of the generator's own checksum code. */
    static boolean validPersonalId(String market, String id) {
        return switch (market) {
            case "SE" -> {
                String d = id.replace("-", "");
                yield luhn(d.length() == 12 ? d.substring(2) : d);
            }
            case "FI" -> "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt(
                    (int) (Long.parseLong(id.substring(0, 6) + id.substring(7, 10)) % 31)) == id.charAt(10);
            case "NL" -> {
                int sum = 0;
                for (int i = 0; i < 8; i++) {
                    sum += (9 - i) * (id.charAt(i) - '0');
                }
                yield (sum - (id.charAt(8) - '0')) % 11 == 0;
            }
            case "NO" -> {
                int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1}, w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
                int s1 = 0, s2 = 0;
                for (int i = 0; i < 10; i++) {
                    s1 += w1[i] * (id.charAt(i) - '0');
                }
                for (int i = 0; i < 11; i++) {
                    s2 += w2[i] * (id.charAt(i) - '0');
                }
                yield id.length() == 11 && s1 % 11 == 0 && s2 % 11 == 0;
            }
            default -> false;
        };
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Test
    void purchaseRelatedSignalsCarryOrderReferencesAndCustomersMostly() {
        var complaints = small.stream().filter(s -> s.countsAsComplaint()
                && List.of(DemoProblem.INVOICE_REMINDER_FEE, DemoProblem.REFUND_FRICTION, DemoProblem.DELIVERY_RETURNS)
                        .contains(s.problem())).toList();
        assertThat(complaints.stream().filter(s -> s.raw().orderReference() != null).count())
                .isGreaterThan(complaints.size() * 3L / 4);
        assertThat(small.stream().filter(s -> s.raw().customerId() != null).count()).isGreaterThan(small.size() * 3L / 4);
    }

    @Test
    void sessionReplayNotesLinkTheReplay() {
        var replays = small.stream().filter(s -> s.raw().channel().equals("session-replay-note")).toList();
        assertThat(replays).isNotEmpty()
                .allMatch(s -> s.raw().evidence().getFirst().startsWith("https://replay.zeromission.example/sessions/"));
        assertThat(small).filteredOn(s -> s.raw().channel().equals("complaint"))
                .anyMatch(s -> !s.raw().evidence().isEmpty());
    }

    @Test
    void teamChannelsWorkOnWeekdaysOnly() {
        var office = List.of("customer-call", "interview", "mystery-shopping", "session-replay-note");
        assertThat(small).filteredOn(s -> office.contains(s.raw().channel())).isNotEmpty()
                .allMatch(s -> OffsetDateTime.parse(s.raw().receivedAt()).getDayOfWeek().getValue() <= 5);
    }

    @Test
    void milestoneLinesOnlyAppearInTheirTime() {
        // the renamed product's new name appears in team observations only after the rename
        var renamed = new ArrayList<DemoSignal>();
        for (DemoSignal s : small) {
            if (s.raw().text().contains("Pay in 3 instalments") || s.raw().text().contains("Dela upp i 3")) {
                renamed.add(s);
            }
        }
        assertThat(renamed).isNotEmpty().allMatch(s -> s.raw().receivedAt().compareTo("2025-03-10") >= 0);
    }
}
