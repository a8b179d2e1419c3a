package com.zeromission.kafka.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.zeromission.intake.RawSignal;
import com.zeromission.metrics.PurchaseCount;
import com.zeromission.privacy.TextMasker;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one Kafka message into what it asks for, or the reason it never can be stored. Versioned schemas:
 * {@code signal/v1} (the fields of {@code POST /api/v1/signals}) and {@code purchases/v1} (one day, market and
 * product). Reasons are masked: a refused value may be somebody's e-mail address.
 */
final class Messages {

    static final String SIGNAL_V1 = "signal/v1", PURCHASES_V1 = "purchases/v1";
    static final int MAX_BYTES = 1024 * 1024;

    sealed interface Parsed permits SignalMessage, PurchaseMessage, Poison {
    }

    record SignalMessage(RawSignal signal) implements Parsed {
    }

    record PurchaseMessage(PurchaseCount count) implements Parsed {
    }

    record Poison(String reason) implements Parsed {
        Poison {
            reason = TextMasker.standard().mask(reason).text();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Messages() {
    }

    static Parsed signal(byte[] value) {
        return read(value, SIGNAL_V1, node -> new SignalMessage(JSON.treeToValue(node, RawSignal.class)));
    }

    static Parsed purchases(byte[] value) {
        return read(value, PURCHASES_V1, node -> {
            for (String field : new String[] {"day", "market", "product", "purchases"}) {
                if (!node.hasNonNull(field)) {
                    return new Poison("field '" + field + "' is required in " + PURCHASES_V1);
                }
            }
            var unknown = node.propertyNames().stream()
                    .filter(f -> !java.util.Set.of("day", "market", "product", "purchases").contains(f)).toList();
            if (!unknown.isEmpty()) {
                return new Poison("unknown fields " + unknown + " in " + PURCHASES_V1 + "; known: day, market, product, purchases");
            }
            if (!node.get("purchases").canConvertToExactIntegral()) {
                return new Poison("field 'purchases' must be a whole number, was " + node.get("purchases"));
            }
            try {
                return new PurchaseMessage(new PurchaseCount(LocalDate.parse(node.get("day").asString()),
                        node.get("market").asString(), node.get("product").asString(), node.get("purchases").asLong()));
            } catch (DateTimeParseException e) {
                return new Poison("field 'day' must be a date (YYYY-MM-DD), was '" + node.get("day").asString() + "'");
            }
        });
    }

    private interface Reader {
        Parsed read(ObjectNode node);
    }

    private static Parsed read(byte[] value, String schema, Reader reader) {
        if (value == null || value.length == 0) {
            return new Poison("empty message: expected a JSON object with \"schema\": \"" + schema + "\"");
        }
        if (value.length > MAX_BYTES) {
            return new Poison("message is " + value.length + " bytes; at most " + MAX_BYTES + " are accepted");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            return new Poison("message is not valid UTF-8");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(value);
        } catch (JacksonException e) {
            // the position only: the parser's message quotes the offending token, which may be personal data
            var at = e.getLocation();
            return new Poison("message is not valid JSON" + (at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!(tree instanceof ObjectNode node)) {
            return new Poison("message must be a JSON object, was " + tree.getNodeType().name().toLowerCase());
        }
        JsonNode declared = node.remove("schema");
        if (declared == null || !declared.isString()) {
            return new Poison("field 'schema' is required: \"" + schema + "\"");
        }
        if (!schema.equals(declared.asString())) {
            return new Poison("unknown schema '" + declared.asString() + "' on this topic; expected '" + schema + "'");
        }
        try {
            return reader.read(node);
        } catch (IllegalArgumentException e) {
            return new Poison(String.valueOf(e.getMessage()));
        } catch (JacksonException e) {
            return new Poison("message does not match " + schema + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }
}
