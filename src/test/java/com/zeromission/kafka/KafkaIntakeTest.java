package com.zeromission.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Kafka intake against a real Kafka broker (KRaft, in this JVM, started by the test) and the real intake on an
 * embedded database.
 */
@SpringBootTest(properties = {"zeromission.kafka.enabled=true", "zeromission.kafka.retry-interval=PT0.2S",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "zeromission.alarms.scheduling=false"})
@EmbeddedKafka(partitions = 1, topics = {"zeromission.signals.v1", "zeromission.purchases.v1", "zeromission.dead-letter.v1"})
class KafkaIntakeTest {

    static final String SIGNALS = "zeromission.signals.v1", PURCHASES = "zeromission.purchases.v1",
            DEAD = "zeromission.dead-letter.v1", GROUP = "zeromission-intake";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    final String tag = "k" + UUID.randomUUID().toString().substring(0, 8);

    String signal(String id, String market, String text) {
        return "{\"schema\":\"signal/v1\",\"source\":\"kafka-test\",\"sourceId\":\"" + tag + "-" + id + "\","
                + "\"channel\":\"complaint\",\"market\":\"" + market + "\",\"product\":\"pay-later\","
                + "\"receivedAt\":\"2026-11-20T10:00:00Z\",\"language\":\"en\",\"text\":\"" + text + "\"}";
    }

    void send(String topic, String... messages) throws Exception {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (String m : messages) {
                producer.send(new ProducerRecord<>(topic, m.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    long stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'kafka-test' AND source_id LIKE ?",
                Long.class, tag + "-%");
    }

    long committed(String topic) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return o == null ? 0 : o.offset();
        }
    }

    long end(String topic) {
        try (var consumer = consumer()) {
            var tp = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(tp)).get(tp);
        }
    }

    KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    List<ConsumerRecord<byte[], byte[]>> deadLetters(int atLeast) {
        var found = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(DEAD));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return found.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(tag)
                        || new String(r.value(), StandardCharsets.UTF_8).startsWith(tag)).count() >= atLeast;
            });
        }
        return found.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(tag)).toList();
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void storesEachSignalOnceEvenWhenTheSameMessageArrivesTwice() throws Exception {
        String one = signal("1", "SE", "My invoice never arrived");
        send(SIGNALS, one, one, signal("2", "GB", "The refund is late"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> committed(SIGNALS) == end(SIGNALS));
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void sendsMessagesThatCanNeverBeStoredToTheDeadLetterTopicWithAMaskedReasonAndGoesOn() throws Exception {
        send(SIGNALS, tag + " this is not json",
                "{\"schema\":\"signal/v9\",\"sourceId\":\"" + tag + "\"}",
                signal("bad-market", "anna.berg@example.com", "Wrong market"),
                signal("ok", "SE", "Fakturan kom aldrig"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> stored() == 1);
        var letters = deadLetters(3);
        assertThat(letters).hasSize(3);
        assertThat(letters).extracting(r -> header(r, "zeromission-dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("not valid JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("unknown schema 'signal/v9'"))
                .anySatisfy(reason -> assertThat(reason).contains("market"))
                .allSatisfy(reason -> assertThat(reason).doesNotContain("anna.berg@example.com"));
        assertThat(letters).extracting(r -> header(r, "zeromission-original-topic")).containsOnly(SIGNALS);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> committed(SIGNALS) == end(SIGNALS));
    }

    @Test
    void storesPurchaseCountsAndTheLastFigureForADayWins() throws Exception {
        send(PURCHASES,
                "{\"schema\":\"purchases/v1\",\"day\":\"2026-11-20\",\"market\":\"NO\",\"product\":\"" + tag + "\",\"purchases\":1000}",
                "{\"schema\":\"purchases/v1\",\"day\":\"2026-11-20\",\"market\":\"NO\",\"product\":\"" + tag + "\",\"purchases\":1200}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> committed(PURCHASES) == end(PURCHASES));
        assertThat(jdbc.queryForObject("SELECT purchases FROM purchase_day WHERE market = 'NO' AND product = ?",
                Long.class, tag)).isEqualTo(1200);
    }

    @Test
    void commitsTheOffsetOnlyAfterTheDatabaseCommitAndLosesNothingWhileTheDatabaseFails() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> committed(SIGNALS) == end(SIGNALS));
        long before = committed(SIGNALS);
        double failuresBefore = meters.counter("zeromission.kafka.batch.failures").count();
        // renaming a table needs more than the application's rights
        var administrator = TestDatabases.administrator(jdbc.getDataSource());
        administrator.execute("ALTER TABLE signal RENAME TO signal_unavailable");
        try {
            send(SIGNALS, signal("during-outage", "DK", "Appen virker ikke"));
            // the consumer tried and failed at least twice: it has seen the message and not stored it
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> meters.counter("zeromission.kafka.batch.failures").count() >= failuresBefore + 2);
            assertThat(committed(SIGNALS)).as("nothing committed while the database fails").isEqualTo(before);
        } finally {
            administrator.execute("ALTER TABLE signal_unavailable RENAME TO signal");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> stored() == 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> committed(SIGNALS) == before + 1);
    }
}
