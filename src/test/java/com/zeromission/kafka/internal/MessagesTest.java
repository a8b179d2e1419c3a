package com.zeromission.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MessagesTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String reason(Messages.Parsed p) {
        assertThat(p).isInstanceOf(Messages.Poison.class);
        return ((Messages.Poison) p).reason();
    }

    @Test
    void readsASignalV1IntoTheFieldsOfTheApi() {
        var parsed = Messages.signal(utf8("{\"schema\":\"signal/v1\",\"source\":\"zendesk\",\"sourceId\":\"1\",\"channel\":\"complaint\","
                + "\"market\":\"SE\",\"product\":\"card\",\"receivedAt\":\"2026-11-20T10:00:00Z\",\"text\":\"Kortet nekades\"}"));
        assertThat(parsed).isInstanceOfSatisfying(Messages.SignalMessage.class, m -> {
            assertThat(m.signal().source()).isEqualTo("zendesk");
            assertThat(m.signal().text()).isEqualTo("Kortet nekades");
        });
    }

    @Test
    void refusesAnUnknownFieldRatherThanDroppingIt() {
        assertThat(reason(Messages.signal(utf8("{\"schema\":\"signal/v1\",\"sourceId\":\"1\",\"txet\":\"typo\"}"))))
                .contains("txet");
    }

    @Test
    void refusesAMessageWithoutSchemaOrWithAnotherTopicsSchema() {
        assertThat(reason(Messages.signal(utf8("{\"sourceId\":\"1\"}")))).contains("'schema' is required");
        assertThat(reason(Messages.signal(utf8("{\"schema\":\"purchases/v1\"}")))).contains("unknown schema 'purchases/v1'");
    }

    @Test
    void describesBrokenJsonByPositionWithoutQuotingIt() {
        String why = reason(Messages.signal(utf8("{\"schema\": anna.berg@example.com}")));
        assertThat(why).contains("not valid JSON").contains("line 1").doesNotContain("anna").doesNotContain("example.com");
    }

    @Test
    void refusesBytesThatAreNotUtf8AndEmptyAndOversizeMessages() {
        assertThat(reason(Messages.signal(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}))).contains("not valid UTF-8");
        assertThat(reason(Messages.signal(new byte[0]))).contains("empty message");
        assertThat(reason(Messages.signal(new byte[Messages.MAX_BYTES + 1]))).contains("at most " + Messages.MAX_BYTES);
        assertThat(reason(Messages.signal(utf8("[1,2]")))).contains("must be a JSON object");
    }

    @Test
    void readsAPurchaseCountAndRefusesOneThatIsNotAWholeNumber() {
        assertThat(Messages.purchases(utf8("{\"schema\":\"purchases/v1\",\"day\":\"2026-11-20\",\"market\":\"SE\","
                + "\"product\":\"card\",\"purchases\":1200}")))
                .isInstanceOfSatisfying(Messages.PurchaseMessage.class, m -> assertThat(m.count().purchases()).isEqualTo(1200));
        assertThat(reason(Messages.purchases(utf8("{\"schema\":\"purchases/v1\",\"day\":\"2026-11-20\",\"market\":\"SE\","
                + "\"product\":\"card\",\"purchases\":12.5}")))).contains("whole number");
        assertThat(reason(Messages.purchases(utf8("{\"schema\":\"purchases/v1\",\"day\":\"20/11/2026\",\"market\":\"SE\","
                + "\"product\":\"card\",\"purchases\":1}")))).contains("'day' must be a date");
        assertThat(reason(Messages.purchases(utf8("{\"schema\":\"purchases/v1\",\"day\":\"2026-11-20\",\"market\":\"SE\","
                + "\"product\":\"card\",\"purchases\":1,\"note\":\"x\"}")))).contains("unknown fields [note]");
    }
}
