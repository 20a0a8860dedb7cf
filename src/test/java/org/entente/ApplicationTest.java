package org.entente;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The whole application on its default H2 file store (a fresh folder under target/ per test run), with
 * the history loaded on start. Subclasses share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "entente.data-dir=./target/test-data/${random.uuid}",
        "entente.security.users[0].username=" + ApplicationTest.EDITOR,
        "entente.security.users[0].password-hash={bcrypt}$2a$10$e1aYtkSgwO3yXoLs0mhrCevfH1Q0t7/oqAmglvN1EF8yDmC9VusOC",
        "entente.security.users[1].username=" + ApplicationTest.READER,
        "entente.security.users[1].password-hash={bcrypt}$2a$10$xQ6aGSZpqIatJJkFtdmTLu/UI6jOIMfCwVmkrX96AOYqmNjJAzU5K",
        "entente.security.users[1].role=READER",
        "entente.security.users[2].username=" + ApplicationTest.FAST_EDITOR,
        "entente.security.users[2].password-hash={bcrypt}$2a$04$TX.bIs1rpAl5QXswFMvt1uMXkN4XhQr3daBu4hXF40t0PTA6jOAY6"})
public abstract class ApplicationTest {

    /** An editor and a reader, with the passwords whose hashes are configured above. */
    protected static final String EDITOR = "editor";
    protected static final String EDITOR_PASSWORD = "editor-password";
    protected static final String READER = "reader";
    protected static final String READER_PASSWORD = "reader-password";
    /**
     * An editor whose bcrypt hash has the lowest cost (4), for tests that send thousands of writes: checking the
     * password of {@link #EDITOR} (cost 10) takes tens of milliseconds per request.
     */
    protected static final String FAST_EDITOR = "fast-editor";
    protected static final String FAST_EDITOR_PASSWORD = "fast-editor-password";

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ObjectMapper json;

    /** The read model is built asynchronously: wait until the history's last fact is projected. */
    @BeforeEach
    void projectionHasCaughtUp() {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ResponseEntity<String> response = http.getForEntity("/api/relations/israel-nato", String.class);
            return response.getStatusCode().is2xxSuccessful() && json.readTree(response.getBody()).at("/relation/facts").asInt() == 33;
        });
    }

    protected JsonNode get(String path) {
        return body(http.getForEntity(path, String.class));
    }

    protected JsonNode body(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
