package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The page and everything it loads come from the application itself; the project's docs are served at /docs/. */
class StaticContentTest extends ApplicationTest {

    @Test
    void thePageIsServedAtTheRootAndLoadsOnlyLocalAssets() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String html = page.getBody();
        assertThat(html).contains("<title>Entente");
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
        int count = 0;
        while (assets.find()) {
            String url = assets.group(1);
            assertThat(url).as("no external asset or link").doesNotContain("//");
            if (url.endsWith(".js") || url.endsWith(".css")) {
                assertThat(http.getForEntity("/" + url, String.class).getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
                count++;
            }
        }
        assertThat(count).isEqualTo(2);
    }

    @Test
    void theDocsAreServedAsUtf8Text() throws Exception {
        ResponseEntity<byte[]> doc = http.getForEntity("/docs/architecture.md", byte[].class);
        assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(doc.getHeaders().getContentType().toString()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(new String(doc.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(Path.of("docs/architecture.md"), StandardCharsets.UTF_8));
    }
}
