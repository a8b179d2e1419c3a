package com.zeromission.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zeromission.support.TestDatabases;

/**
 * Sessions and redirects on a real server (MockMvc has no session manager and no Host handling): the public
 * feedback form holds no session (issue 15, finding 8), a session nobody signed in to is short-lived, and redirects
 * never carry the request's Host (finding 13). Requests are written by hand so that Host can be anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zeromission.alarms.scheduling=false", "zeromission.problems.scheduling=false",
        "zeromission.insights.scheduling=false", "zeromission.feedback.rate-limit=1000"})
class PublicSessionsTest {

    @DynamicPropertySource
    static void application(DynamicPropertyRegistry registry) {
        TestDatabases.useH2(registry);
        TestDatabases.useUsers(registry, new String[][] {{"analyst", "ANALYST"}});
    }

    @LocalServerPort
    int port;
    @Autowired
    WebServerApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    record Response(int status, List<String> headers, String body) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(h -> h.substring(h.indexOf(':') + 1).strip()).findFirst();
        }

        List<String> cookies() {
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
                    .map(h -> h.substring(h.indexOf(':') + 1).strip()).toList();
        }

        /** "name=value" of a Set-Cookie, as a browser sends it back. */
        String cookie(String name) {
            return cookies().stream().filter(c -> c.startsWith(name + "=")).map(c -> c.split(";", 2)[0]).findFirst()
                    .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies()));
        }
    }

    Response send(String method, String path, String host, List<String> headers, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            var request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
            headers.forEach(h -> request.append(h).append("\r\n"));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(content.length)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] parts = raw.split("\r\n\r\n", 2);
            String[] lines = parts[0].split("\r\n");
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), List.of(lines).subList(1, lines.length),
                    parts.length > 1 ? parts[1] : "");
        }
    }

    Response get(String path) throws IOException {
        return send("GET", path, "localhost:" + port, List.of(), null);
    }

    Manager sessions() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        return ((Context) tomcat.getHost().findChildren()[0]).getManager();
    }

    static String csrfField(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a _csrf field in the page").isTrue();
        return m.group(1);
    }

    long feedback(String text) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signal WHERE source = 'feedback-form' AND body LIKE ?", Long.class,
                "%" + text + "%");
    }

    static String form(String csrf, String message) {
        return (csrf == null ? "" : "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&")
                + "message=" + URLEncoder.encode(message, StandardCharsets.UTF_8) + "&market=SE&product=pay-later";
    }

    @Test
    void manyAnonymousVisitsOfTheFeedbackFormCreateNoSession() throws IOException {
        long createdBefore = sessions().getSessionCounter();

        for (int i = 0; i < 200; i++) {
            Response page = get("/feedback");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.cookies()).noneMatch(c -> c.startsWith("ZMSESSION="));
        }

        assertThat(sessions().getSessionCounter() - createdBefore).isZero();
    }

    @Test
    void theFeedbackFormAcceptsAPostWithItsCookieTokenAndRefusesOneWithout() throws IOException {
        long createdBefore = sessions().getSessionCounter();
        Response page = get("/feedback");
        String cookie = page.cookie("ZMFORM-CSRF");
        assertThat(page.cookies()).filteredOn(c -> c.startsWith("ZMFORM-CSRF=")).singleElement().asString()
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=Strict").doesNotContain("Domain", "Max-Age", "Expires");
        String token = csrfField(page.body());
        String host = "localhost:" + port;

        Response noToken = send("POST", "/feedback", host, List.of("Cookie: " + cookie), form(null, "Utan token skickat här"));
        Response noCookie = send("POST", "/feedback", host, List.of(), form(token, "Utan kaka skickat här"));
        Response wrongCookie = send("POST", "/feedback", host, List.of("Cookie: ZMFORM-CSRF=" + "0".repeat(36)),
                form(token, "Fel kaka skickat här"));
        Response sent = send("POST", "/feedback?lang=sv", host, List.of("Cookie: " + cookie),
                form(token, "Fakturan kom aldrig fram till mig"));

        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noCookie.status()).isEqualTo(403);
        assertThat(wrongCookie.status()).isEqualTo(403);
        assertThat(feedback("skickat här")).isZero();
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).hasValue("/feedback/thanks?lang=sv");
        assertThat(feedback("Fakturan kom aldrig fram till mig")).isOne();
        assertThat(sessions().getSessionCounter() - createdBefore).isZero();
    }

    @Test
    void aSessionNobodySignedInToIsShortLivedAndSigningInGivesItTheFullLifetime() throws IOException {
        Response login = get("/login");
        String session = login.cookie("ZMSESSION");

        assertThat(sessions().findSession(session.substring("ZMSESSION=".length())).getMaxInactiveInterval()).isEqualTo(600);

        Response signedIn = send("POST", "/login", "localhost:" + port, List.of("Cookie: " + session),
                "username=analyst&password=secret&_csrf=" + URLEncoder.encode(csrfField(login.body()), StandardCharsets.UTF_8));
        assertThat(signedIn.status()).isEqualTo(302);
        String id = signedIn.cookie("ZMSESSION").substring("ZMSESSION=".length());
        assertThat(sessions().findSession(id).getMaxInactiveInterval()).isEqualTo(8 * 3600);
    }

    @Test
    void redirectsNeverCarryTheRequestsHost() throws IOException {
        Response signInFirst = send("GET", "/problems?week=2026-W48", "evil.example", List.of(), null);
        assertThat(signInFirst.status()).isEqualTo(302);
        assertThat(signInFirst.header("Location")).hasValue("/login");

        String session = signInFirst.cookie("ZMSESSION");
        Response login = send("GET", "/login", "evil.example", List.of("Cookie: " + session), null);
        Response signedIn = send("POST", "/login", "evil.example", List.of("Cookie: " + session),
                "username=analyst&password=secret&_csrf=" + URLEncoder.encode(csrfField(login.body()), StandardCharsets.UTF_8));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).hasValue("/problems?week=2026-W48");

        Response loggedOut = send("POST", "/logout", "evil.example", List.of("Cookie: " + signedIn.cookie("ZMSESSION")),
                "_csrf=" + URLEncoder.encode(csrfField(send("GET", "/", "evil.example",
                        List.of("Cookie: " + signedIn.cookie("ZMSESSION")), null).body()), StandardCharsets.UTF_8));
        var locations = new ArrayList<String>();
        loggedOut.header("Location").ifPresent(locations::add);
        assertThat(locations).singleElement().asString().doesNotContain("evil.example").startsWith("/login");
    }
}
