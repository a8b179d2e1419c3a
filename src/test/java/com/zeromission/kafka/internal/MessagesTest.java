package com.zeromission.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import com.zeromission.intake.InvalidSignalException;
import com.zeromission.intake.SignalSubmission;
import com.zeromission.markets.Market;

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

    @Test
    void refusesAUkPurchaseCountOrSignalInTheVocabularysOwnWordsAndTakesGb() {
        String refusal = catchThrowable(() -> Market.of("UK")).getMessage();
        String purchase = "{\"schema\":\"purchases/v1\",\"day\":\"2025-02-03\",\"market\":\"%s\",\"product\":\"card\",\"purchases\":5}";
        assertThat(reason(Messages.purchases(utf8(purchase.formatted("UK"))))).isEqualTo(refusal);
        assertThat(Messages.purchases(utf8(purchase.formatted("GB")))).isInstanceOf(Messages.PurchaseMessage.class);

        // a signal/v1 is checked by intake as a REST body is; the listener dead-letters the refusal as its reason
        String signal = "{\"schema\":\"signal/v1\",\"source\":\"zendesk\",\"sourceId\":\"1\",\"channel\":\"complaint\","
                + "\"market\":\"%s\",\"product\":\"card\",\"receivedAt\":\"2025-02-03T10:00:00Z\",\"text\":\"Kortet nekades\"}";
        var clock = Clock.systemUTC();
        var uk = (Messages.SignalMessage) Messages.signal(utf8(signal.formatted("UK")));
        var refused = catchThrowableOfType(InvalidSignalException.class,
                () -> SignalSubmission.parse(uk.signal(), clock));
        assertThat(new Messages.Poison(refused.getMessage()).reason()).contains(refusal);
        var gb = (Messages.SignalMessage) Messages.signal(utf8(signal.formatted("GB")));
        assertThat(SignalSubmission.parse(gb.signal(), clock).market().code()).isEqualTo("GB");
    }
}
