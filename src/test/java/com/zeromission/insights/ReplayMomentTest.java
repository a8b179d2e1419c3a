package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** A moment of one of the product's own replays as evidence: its checks, how it reads, its JSON, and the gate. */
class ReplayMomentTest {

    static final String ID = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b";

    @Test
    void keepsTheReplayIdInCanonicalLowerCaseAndReadsItsTimeAsMinutesAndSeconds() {
        var m = new Evidence.ReplayMoment(" " + ID.toUpperCase(java.util.Locale.ROOT) + " ", 83_000);
        assertThat(m.replayId()).isEqualTo(ID);
        assertThat(m.time()).isEqualTo("1:23");
        assertThat(m.playerPath()).isEqualTo("/replays/" + ID + "?t=83000");
        assertThat(new Evidence.ReplayMoment(ID, 0).time()).isEqualTo("0:00");
        assertThat(new Evidence.ReplayMoment(ID, 4_250).time()).isEqualTo("0:04.250");
        assertThat(new Evidence.ReplayMoment(ID, 3_723_000).time()).isEqualTo("1:02:03");
    }

    @Test
    void refusesAnIdThatIsNotAUuidNamingWhatWasGivenMasked() {
        assertThatThrownBy(() -> new Evidence.ReplayMoment("1-2-3-4-5", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a uuid like").hasMessageContaining("was '1-2-3-4-5'");
        assertThatThrownBy(() -> new Evidence.ReplayMoment(null, 0)).hasMessageContaining("was nothing");
        // an e-mail address pasted into the id field is not echoed back
        assertThatThrownBy(() -> new Evidence.ReplayMoment("anna.svensson@example.com", 0))
                .hasMessageContaining("[EMAIL]").hasMessageNotContaining("anna.svensson");
    }

    @Test
    void refusesATimeBeforeTheStartOrLongerThanADay() {
        assertThatThrownBy(() -> new Evidence.ReplayMoment(ID, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a replay moment's time must be from 0 to 86400000 ms (24 hours) into the replay, was -1");
        assertThatThrownBy(() -> new Evidence.ReplayMoment(ID, Evidence.ReplayMoment.MAX_AT_MILLIS + 1))
                .hasMessageContaining("was 86400001");
        assertThat(new Evidence.ReplayMoment(ID, Evidence.ReplayMoment.MAX_AT_MILLIS).time()).isEqualTo("24:00:00");
    }

    @Test
    void isWrittenAndReadAsJsonOfTypeReplayMoment() {
        var json = JsonMapper.builder().build();
        String written = json.writeValueAsString(new Evidence.ReplayMoment(ID, 83_000));
        assertThat(json.readTree(written)).isEqualTo(json.readTree(
                "{\"type\":\"replay-moment\",\"replayId\":\"" + ID + "\",\"atMillis\":83000}"));
        assertThat(json.readValue("{\"type\":\"replay-moment\",\"replayId\":\"" + ID + "\",\"atMillis\":5}", Evidence.class))
                .isEqualTo(new Evidence.ReplayMoment(ID, 5));
    }

    @Test
    void theQualityGateAcceptsAReplayMomentAsEvidence() {
        var gate = new QualityGate(new TeamDirectory() {
            @Override
            public boolean teamExists(String team) {
                return true;
            }

            @Override
            public boolean isMember(String team, String person) {
                return true;
            }
        });
        var without = new InsightContent("Card payments fail at checkout", List.of(), List.of(), List.of(), null, null,
                null, null, null, null, List.of(), List.of(), null, null);
        assertThat(gate.check(without).checks().getFirst().reason())
                .isEqualTo("none attached: add a screenshot, a session-replay link or replay moment, or a reached call-back's note");
        var with = new InsightContent("Card payments fail at checkout", List.of(),
                List.of(new Evidence.ReplayMoment(ID, 83_000)), List.of(), null, null, null, null, null, null, List.of(),
                List.of(), null, null);
        assertThat(gate.check(with).checks().getFirst()).isEqualTo(new QualityGate.Check(QualityGate.Element.EVIDENCE, true, null));
    }
}
