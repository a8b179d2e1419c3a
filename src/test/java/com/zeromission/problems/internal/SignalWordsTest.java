package com.zeromission.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** How the search reads a text into the words it indexes. */
class SignalWordsTest {

    @Test
    void wordsAreSplitAtSpacesAndTheScansSeparatorsOnlyAndEachIsKeptOnce() {
        assertThat(SignalWords.of("Fakturan kom aldrig (faktura-nummer saknas), FAKTURAN!"))
                .containsExactly("fakturan", "kom", "aldrig", "faktura", "nummer", "saknas");
        assertThat(SignalWords.of("e-mail\tdon't\nline€5 «quoted»")).containsExactly("e", "mail", "don", "t", "line", "5",
                "quoted");
        assertThat(SignalWords.of("¿Dónde? refund\u00a0delayed 📦parcel"))
                .as("characters the scan does not treat as separators stay in the word")
                .containsExactly("¿dónde", "refund\u00a0delayed", "📦parcel");
        assertThat(SignalWords.of("  ..  ")).isEmpty();
    }

    @Test
    void eachCharacterIsFoldedToOneCaseAsBothDatabasesCompareThem() {
        assertThat(SignalWords.fold("ÅTERBETALNING Émile STRASSE")).isEqualTo("återbetalning émile strasse");
        assertThat(SignalWords.fold("ΟΔΟΣ")).isEqualTo(SignalWords.fold("οδος")).isEqualTo("οδοσ");
        assertThat(SignalWords.fold("İI")).isEqualTo("ii");
    }

    @Test
    void longWordsAreCutAndAPrefixCoversExactlyTheKeysThatBeginWithIt() {
        String compound = "kundenservicemitarbeiterinnenschulungsprogramm";
        assertThat(SignalWords.of(compound)).containsExactly(compound.substring(0, SignalWords.MAX_CHARS));
        assertThat(SignalWords.longerThanIndexed(compound)).isTrue();
        assertThat(SignalWords.longerThanIndexed(compound.substring(0, SignalWords.MAX_CHARS))).isFalse();

        byte[] prefix = SignalWords.key("påmin");
        byte[] after = SignalWords.after(prefix);
        for (String inside : new String[] {"påmin", "påminnelse", "påmin\u00ff", "påminö"}) {
            byte[] key = SignalWords.key(inside);
            assertThat(Arrays.compareUnsigned(key, prefix)).as(inside).isNotNegative();
            assertThat(Arrays.compareUnsigned(key, after)).as(inside).isNegative();
        }
        for (String outside : new String[] {"påmil", "påmio", "påmi", "pamin"}) {
            byte[] key = SignalWords.key(outside);
            assertThat(Arrays.compareUnsigned(key, prefix) >= 0 && Arrays.compareUnsigned(key, after) < 0).as(outside)
                    .isFalse();
        }
        assertThat(SignalWords.key("å")).isEqualTo("å".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SignalWords.after(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
