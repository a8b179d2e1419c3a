package com.zeromission.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;
import com.zeromission.alarms.TestClock;
import com.zeromission.support.TestDatabases;

/**
 * The outbound module alone (Spring Modulith's {@code STANDALONE} bootstrap: only this module's beans, Spring Boot's
 * auto-configuration and the Flyway migrations): the outbox keeps an event until a receiver accepts it, then marks it
 * delivered, without any other module in the context.
 */
@ApplicationModuleTest
@Import(OutboundModuleTest.ClockConfiguration.class)
class OutboundModuleTest {

    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock outboxClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
    }

    @Autowired
    WebhookOutbox outbox;

    final List<String> received = new CopyOnWriteArrayList<>();
    HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void keepsAnEventWhileTheReceiverFailsAndDeliversItOnceItAccepts() throws IOException {
        int[] status = {503};
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        receiver.start();
        var client = new WebhookClient(new WebhookClient.Target(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), null,
                Duration.ofSeconds(5), "zeromission-test"));
        outbox.enqueue(new WebhookOutbox.Event("module-test", "s1", "k1", "thing.happened", "{\"n\":1}"), CLOCK.instant());

        assertThat(outbox.deliverDue("module-test", client)).isEqualTo(new WebhookOutbox.DeliveryReport(1, 0, 1, 1));
        assertThat(outbox.deliveries("module-test", "s1")).singleElement()
                .satisfies(d -> assertThat(d.lastError()).isEqualTo("HTTP 503"))
                .satisfies(d -> assertThat(d.deliveredAt()).isNull());

        status[0] = 204;
        assertThat(outbox.deliverDue("module-test", client).attempted()).as("not due before the backoff").isZero();
        CLOCK.advance(WebhookOutbox.backoff(1));
        assertThat(outbox.deliverDue("module-test", client)).isEqualTo(new WebhookOutbox.DeliveryReport(1, 1, 0, 0));
        assertThat(received).containsExactly("{\"n\":1}", "{\"n\":1}");
    }
}
