package com.zeromission.kafka.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import com.zeromission.intake.IntakeService;
import com.zeromission.metrics.Purchases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Consumers read raw bytes (so that a message that is not JSON cannot wedge the consumer in deserialization) and
 * never commit by themselves: the container commits a batch's offsets after the listener returned, that is after
 * the database commit. A batch that failed to store is tried again, forever, at the retry interval: an outage of
 * the database stops consumption, it loses nothing.
 */
@Configuration
@EnableKafka
@EnableConfigurationProperties(KafkaIntakeProperties.class)
@ConditionalOnProperty(prefix = "zeromission.kafka", name = "enabled", havingValue = "true")
class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    @Bean
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> kafkaListenerContainerFactory(KafkaProperties kafka,
            KafkaIntakeProperties settings, MeterRegistry meters) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props));
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        Counter failures = meters.counter("zeromission.kafka.batch.failures");
        var errors = new DefaultErrorHandler(new FixedBackOff(settings.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
        errors.setRetryListeners(new org.springframework.kafka.listener.RetryListener() {
            @Override
            public void failedDelivery(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record, Exception ex,
                    int attempt) {
                failed(attempt, ex);
            }

            // batch listeners report here: the whole batch is tried again
            @Override
            public void failedDelivery(org.apache.kafka.clients.consumer.ConsumerRecords<?, ?> records, Exception ex,
                    int attempt) {
                failed(attempt, ex);
            }

            private void failed(int attempt, Exception ex) {
                failures.increment();
                log.warn("storing a Kafka batch failed (attempt {}), trying again in {}: {}", attempt,
                        settings.retryInterval(), ex.getClass().getSimpleName());
            }
        });
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // a dead letter must not be lost or written twice by the producer's own retries
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
    }

    @Bean
    KafkaIntake kafkaIntake(IntakeService intake, Purchases purchases, KafkaTemplate<byte[], byte[]> deadLetterTemplate,
            KafkaIntakeProperties settings, Clock clock, MeterRegistry meters) {
        return new KafkaIntake(intake, purchases, deadLetterTemplate, settings, clock, meters);
    }
}
