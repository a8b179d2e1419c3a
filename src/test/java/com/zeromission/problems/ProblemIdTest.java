package com.zeromission.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ProblemIdTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void refusesAnIdThatIsNotPositiveNamingTheValue() {
        assertThatThrownBy(() -> new ProblemId(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a problem id is a positive whole number, not -3");
        assertThatThrownBy(() -> ProblemId.of(0)).hasMessage("a problem id is a positive whole number, not 0");
    }

    @Test
    void looksUpAnImpossibleNumberAsAnUnknownProblem() {
        assertThatThrownBy(() -> ProblemId.lookup(-3)).isInstanceOf(ProblemNotFoundException.class)
                .hasMessage("no problem with id -3");
        assertThat(ProblemId.lookup(12)).isEqualTo(new ProblemId(12));
    }

    @Test
    void readsAsItsNumber() {
        assertThat(new ProblemId(12)).hasToString("12");
        assertThat(new ProblemId(12).value()).isEqualTo(12L);
        assertThat(List.of(new ProblemId(9), new ProblemId(2)).stream().sorted().toList())
                .containsExactly(new ProblemId(2), new ProblemId(9));
    }

    @Test
    void isAPlainNumberInJson() {
        assertThat(json.writeValueAsString(List.of(new ProblemId(12), new ProblemId(7)))).isEqualTo("[12,7]");
        assertThat(json.readValue("[12,7]", new TypeReference<List<ProblemId>>() { }))
                .containsExactly(new ProblemId(12), new ProblemId(7));
    }
}
