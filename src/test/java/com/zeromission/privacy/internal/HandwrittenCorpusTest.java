package com.zeromission.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.zeromission.privacy.PiiType;

class HandwrittenCorpusTest {

    @Test
    void readsInlineLabelsWithTheirExactPositions() {
        var texts = HandwrittenCorpus.parse("# comment\n\nsv\tRing [[PHONE|070-123 45 67]] eller [[EMAIL|a@b.se]].\n");
        assertThat(texts).hasSize(1);
        var t = texts.getFirst();
        assertThat(t.language()).isEqualTo("sv");
        assertThat(t.text()).isEqualTo("Ring 070-123 45 67 eller a@b.se.");
        assertThat(t.entities()).extracting(e -> t.text().substring(e.start(), e.end()))
                .containsExactly("070-123 45 67", "a@b.se");
        assertThat(t.entities()).extracting(LabelledCorpus.Entity::type).containsExactly(PiiType.PHONE, PiiType.EMAIL);
    }

    @Test
    void namesTheLineOfAMalformedLabel() {
        assertThatThrownBy(() -> HandwrittenCorpus.parse("sv\tok\nen\tcall [[PHONE|555-234-5678 now\n"))
                .hasMessage("line 2: unbalanced [[TYPE|value]] at column 6");
        assertThatThrownBy(() -> HandwrittenCorpus.parse("sv\t[[NAME|Anna]]")).hasMessage("line 1: unknown type 'NAME'");
        assertThatThrownBy(() -> HandwrittenCorpus.parse("no tab here")).hasMessageContaining("line 1: expected");
    }
}
