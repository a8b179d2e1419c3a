package com.zeromission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

class InvalidSettingFailureAnalyzerTest {

    @Test
    void reportsTheSettingItsEnvironmentVariableAndWhatToDoWhereverTheFailureWasWrapped() {
        var wrong = new InvalidSettingException("zeromission.data-dir", "is not a directory.", "Point it at a folder.");

        var analysis = new InvalidSettingFailureAnalyzer().analyze(new BeanCreationException("bean", wrong));

        assertThat(analysis.getDescription())
                .isEqualTo("zeromission.data-dir (environment variable ZEROMISSION_DATADIR) is not a directory.");
        assertThat(analysis.getAction()).isEqualTo("Point it at a folder.");
    }

    @Test
    void leavesOtherFailuresToSpringBoot() {
        assertThat(new InvalidSettingFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }

    @Test
    void refusesASettingWithoutNameProblemOrAction() {
        assertThatThrownBy(() -> new InvalidSettingException("x.y", " ", "Do this."))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
