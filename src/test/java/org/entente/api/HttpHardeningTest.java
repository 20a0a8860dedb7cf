package org.entente.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.entente.ApplicationTest;
import static org.entente.ErrorBodies.assertNoStackTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Limits and hardening of the HTTP API: request bodies over {@code entente.http.max-request-size} (1 MB) are
 * answered 413 as problem details, and no error body carries a stack trace or exception, whatever went wrong.
 */
class HttpHardeningTest extends ApplicationTest {

    private static final int LIMIT = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                                      String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String editor() {
        return "Basic " + Base64.getEncoder().encodeToString((EDITOR + ":" + EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A shipped scenario padded with a YAML comment to exactly {@code size} bytes. */
    private static byte[] scenarioOfSize(int size) throws Exception {
        String scenario = Files.readString(Path.of("scenarios/turkey-never-vetoes.yaml")) + "\n# ";
        byte[] head = scenario.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        System.arraycopy(head, 0, body, 0, head.length);
        java.util.Arrays.fill(body, head.length, size, (byte) 'x');
        return body;
    }

    private static void assertTooLarge(HttpResponse<String> response, JsonNode problem) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("limit").asText()).isEqualTo("entente.http.max-request-size");
        assertThat(problem.get("maxBytes").asLong()).isEqualTo(LIMIT);
        assertThat(problem.get("parameter").asText()).isEqualTo("body");
    }

    @Test
    void aBodyAtTheLimitIsReadAndOneByteMoreIsA413() throws Exception {
        HttpResponse<String> atLimit = send("POST", "/api/scenarios/run", "application/yaml",
                HttpRequest.BodyPublishers.ofByteArray(scenarioOfSize(LIMIT)));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);

        HttpResponse<String> declared = send("POST", "/api/scenarios/run", "application/yaml",
                HttpRequest.BodyPublishers.ofByteArray(scenarioOfSize(LIMIT + 1)));
        assertTooLarge(declared, json.readTree(declared.body()));
        assertThat(json.readTree(declared.body()).get("detail").asText()).contains("Content-Length");

        // Without a Content-Length (chunked), reading stops as soon as the body passes the limit.
        byte[] chunked = scenarioOfSize(LIMIT + 1);
        HttpResponse<String> streamed = send("POST", "/api/scenarios/run", "application/yaml",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)));
        assertThat(streamed.request().headers().firstValue("Content-Length")).isEmpty();
        assertTooLarge(streamed, json.readTree(streamed.body()));
    }

    @Test
    void anOversizedFactIsA413AndNothingIsRecorded() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        String fact = "{\"id\": \"big\", \"type\": \"ContextNoted\", \"date\": \"2000\", \"summary\": \"" + "x".repeat(LIMIT)
                + "\", \"sources\": [{\"url\": \"https://example.org\", \"quote\": \"q\"}], \"reason\": \"r\"}";
        HttpResponse<String> response = send("POST", "/api/relations/israel-nato/facts", "application/json",
                HttpRequest.BodyPublishers.ofString(fact), "Authorization", editor());
        assertTooLarge(response, json.readTree(response.body()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(before);
    }

    /** Every kind of error the API gives, by the client's fault; none may show how the server failed inside. */
    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "GET|/api/relations/israel-nato/status?at=2011-02-30||false|400",
            "GET|/api/relations/israel-nato/status?knownAt=yesterday||false|400",
            "GET|/api/relations/nowhere/status||false|404",
            "GET|/api/no-such-endpoint||false|404",
            "GET|/api/admin/projections/status/replay||false|405",
            "POST|/api/scenarios/run|application/xml|false|415",
            "POST|/api/scenarios/run|application/yaml|false|400",
            "POST|/api/relations/israel-nato/facts|application/json|false|401",
            "POST|/api/relations/israel-nato/facts|application/json|true|400",
            "POST|/api/relations/israel-nato/facts/no-such-fact/corrections|application/json|true|400",
            "POST|/api/relations|text/plain|true|415",
    })
    void errorBodiesNeverCarryAStackTrace(String method, String path, String contentType, boolean asEditor, int status) throws Exception {
        String body = contentType == null ? null : contentType.contains("yaml") ? "id: [" : "{\"date\": \"2001\", \"sources\": [{\"url\": \"u\", \"quote\": 1}], \"reason\": \"r\"";
        HttpResponse<String> response = send(method, path, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                asEditor ? new String[] {"Authorization", editor()} : new String[0]);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertNoStackTrace(response.body());
    }

    /** Requests refused before they reach the application (by Tomcat or by Spring Security's firewall). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET /api/relations/%zz HTTP/1.1",
            "GET /api/relations/israel-nato/../../etc/passwd HTTP/1.1",
            "GET /api/relations/israel-nato;jsessionid=x/status HTTP/1.1",
            "GET /api/relations/%2e%2e/israel-nato HTTP/1.1",
            "GET /api/relations/a%00b HTTP/1.1",
    })
    void malformedRequestsAreRefusedWithoutAStackTrace(String requestLine) throws Exception {
        String response = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        int status = Integer.parseInt(response.substring(9, 12));
        assertThat(status).as(response).isBetween(400, 499);
        assertNoStackTrace(response);
    }

    /** URLs that Spring Security's firewall refuses are answered 400 as problem details naming the path. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/relations/a%0Ab/status",
            "/api/relations/a%25b",
            "/api/relations/israel-nato;x=1/status",
            "/api/relations/%2e%2e/israel-nato",
            "/api/relations/israel-nato/facts/a%E2%80%A8b/corrections",
    })
    void urlsTheFirewallRefusesAreProblemDetails(String path) throws Exception {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("Content-Type: application/problem+json");
        JsonNode problem = json.readTree(response.substring(response.indexOf("\r\n\r\n") + 4).replaceAll("(?s)^[0-9a-f]+\r\n|\r\n0\r\n\r\n$", ""));
        assertThat(problem.get("parameter").asText()).isEqualTo("path");
        assertNoStackTrace(response);
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
