package com.zeromission.alarms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free local port that records every request and answers with the statuses it is told to,
 * then 200. No mocks: the outbox talks to it through the JDK's HTTP client like to any receiver.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Request(String path, String idempotencyKey, String event, String signature, String contentType,
            String body, int answeredWith) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/zeromission";
    }

    /** The next requests are answered with these statuses, in order; after them, 200. */
    public synchronized void answerNext(Integer... codes) {
        statuses.clear();
        statuses.addAll(List.of(codes));
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized void reset() {
        requests.clear();
        statuses.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        synchronized (this) {
            status = statuses.isEmpty() ? 200 : statuses.poll();
            var h = exchange.getRequestHeaders();
            requests.add(new Request(exchange.getRequestURI().getPath(), h.getFirst("Idempotency-Key"),
                    h.getFirst("Zeromission-Event"), h.getFirst("Zeromission-Signature"), h.getFirst("Content-Type"), body,
                    status));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
