package com.zeromission.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class InsightContentTest {

    private static InsightContent linkedTo(List<Long> problems) {
        return new InsightContent("Reminder fees", problems, List.of(), List.of(), null, null, null, null, null, null,
                List.of(), List.of(), null, null);
    }

    @Test
    void linksAtMostAsManyProblemsAsItsMeasuredImpactCanBeReadForAndSaysHowManyWereSent() {
        var most = LongStream.rangeClosed(1, InsightContent.MAX_PROBLEMS).boxed().toList();
        assertThat(linkedTo(most).problemIds()).hasSize(InsightContent.MAX_PROBLEMS);

        var tooMany = LongStream.rangeClosed(1, InsightContent.MAX_PROBLEMS + 1).boxed().toList();
        assertThatThrownBy(() -> linkedTo(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("problemIds").hasMessageContaining("101");
    }
}
