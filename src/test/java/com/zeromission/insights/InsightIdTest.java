package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class InsightIdTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void refusesAnIdThatIsNotPositiveNamingTheValue() {
        assertThatThrownBy(() -> new InsightId(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an insight id is a positive whole number, not -3");
        assertThatThrownBy(() -> InsightId.of(0)).hasMessage("an insight id is a positive whole number, not 0");
    }

    @Test
    void looksUpAnImpossibleNumberAsAnUnknownInsight() {
        assertThatThrownBy(() -> InsightId.lookup(-3)).isInstanceOf(InsightNotFoundException.class)
                .hasMessage("no insight with id -3");
        assertThat(InsightId.lookup(12)).isEqualTo(new InsightId(12));
    }

    @Test
    void readsAsItsNumber() {
        assertThat(new InsightId(12)).hasToString("12");
        assertThat(new InsightId(12).value()).isEqualTo(12L);
        assertThat(List.of(new InsightId(9), new InsightId(2)).stream().sorted().toList())
                .containsExactly(new InsightId(2), new InsightId(9));
    }

    @Test
    void isAPlainNumberInJson() {
        assertThat(json.writeValueAsString(List.of(new InsightId(12), new InsightId(7)))).isEqualTo("[12,7]");
        assertThat(json.readValue("[12,7]", new TypeReference<List<InsightId>>() { }))
                .containsExactly(new InsightId(12), new InsightId(7));
    }
}
