package org.entente.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.ApplicationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The web page and everything else is served with a Content-Security-Policy allowing only the application's
 * own assets; of the actuator's endpoints only {@code health} is exposed.
 */
class HardeningHeadersTest extends ApplicationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/js/entente.js", "/css/entente.css", "/swagger-ui/index.html",
            "/api/relations/israel-nato/status?at=2011-01-01", "/api/relations/nowhere", "/actuator/health"})
    void everyAnswerCarriesTheContentSecurityPolicy(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getHeaders().get("Content-Security-Policy")).containsExactly(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).startsWith("default-src 'self';")
                .contains("script-src 'self';").contains("style-src 'self';").doesNotContain("unsafe").doesNotContain("*");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** The page needs no inline script or style, which the policy forbids: all of it is in its own files. */
    @Test
    void thePageHasNoInlineScriptOrStyle() {
        String page = http.getForEntity("/", String.class).getBody();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style").doesNotContain(" style=")
                .doesNotContainPattern(" on[a-z]+=").doesNotContain("javascript:");
    }

    @Test
    void ofTheActuatorOnlyHealthIsExposed() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String endpoint : new String[] {"env", "beans", "configprops", "metrics", "loggers", "heapdump", "threaddump", "mappings",
                "info", "shutdown", "scheduledtasks", "conditions", "caches", "prometheus"}) {
            assertThat(http.getForEntity("/actuator/" + endpoint, String.class).getStatusCode()).as(endpoint).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.postForEntity("/actuator/" + endpoint, null, String.class).getStatusCode().is2xxSuccessful()).as(endpoint).isFalse();
        }
        String links = http.getForEntity("/actuator", String.class).getBody();
        assertThat(json(links).get("_links").fieldNames()).toIterable().containsOnly("self", "health", "health-path");
    }

    private com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
