package com.zeromission.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one policy for typed text: masked, stripped, limited per kind as stored, no control characters. */
class FreeTextTest {

    @Test
    void masksAndStripsATypedText() {
        assertThat(FreeText.required("title", "  Call anna.svensson@example.com back  ", FreeText.Kind.NAME))
                .isEqualTo("Call [EMAIL] back");
        assertThat(FreeText.optional("area", "   ", FreeText.Kind.LABEL)).isNull();
        assertThat(FreeText.optional("area", null, FreeText.Kind.LABEL)).isNull();
    }

    @Test
    void refusesATextLongerThanItsKindNamingFieldLimitAndLengthButNotTheValue() {
        String text = "Anna Svensson ".repeat(20).strip();
        assertThatThrownBy(() -> FreeText.required("name", text, FreeText.Kind.NAME))
                .isInstanceOf(TypedTextRefusedException.class)
                .hasMessage("name may be at most 200 characters, was " + text.length())
                .satisfies(e -> assertThat(((TypedTextRefusedException) e).field()).isEqualTo("name"));
        assertThat(FreeText.required("text", "x".repeat(5000), FreeText.Kind.TEXT)).hasSize(5000);
        assertThatThrownBy(() -> FreeText.required("text", "x".repeat(5001), FreeText.Kind.TEXT))
                .hasMessage("text may be at most 5000 characters, was 5001");
    }

    @Test
    void countsTheLimitOnTheMaskedTextThatIsStored() {
        // 64 characters as typed; the placeholder [EMAIL] is shorter than the address, so it fits as stored
        String typed = "ops " + "a".repeat(50) + "@example.se";
        assertThat(typed.length()).isGreaterThan(64);
        assertThat(FreeText.required("area", typed, FreeText.Kind.LABEL)).isEqualTo("ops [EMAIL]");
    }

    @Test
    void refusesControlCharactersButKeepsLineBreaksInLongTexts() {
        assertThatThrownBy(() -> FreeText.required("title", "Late\u0000invoices", FreeText.Kind.NAME))
                .hasMessage("title must not contain control characters; found U+0000 at position 5");
        assertThatThrownBy(() -> FreeText.required("title", "Late\ninvoices", FreeText.Kind.NAME))
                .hasMessage("title must not contain control characters; found U+000A at position 5");
        assertThat(FreeText.required("problemDefinition", "First line\nsecond line", FreeText.Kind.TEXT))
                .isEqualTo("First line\nsecond line");
        assertThatThrownBy(() -> FreeText.required("problemDefinition", "bell\u0007", FreeText.Kind.TEXT))
                .hasMessage("problemDefinition must not contain control characters; found U+0007 at position 5");
    }

    @Test
    void refusesAMissingRequiredText() {
        assertThatThrownBy(() -> FreeText.required("title", " ", FreeText.Kind.NAME))
                .hasMessage("title is required (1-200 characters)");
    }
}
