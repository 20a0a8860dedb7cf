package org.entente;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What an error body must never show: a stack trace, an exception, or the names of the server's insides. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static void assertNoStackTrace(String body) {
        for (String sign : List.of("\tat ", "at org.", "at java.", "Exception", "exception", "\"trace\"", "java.lang", "org.springframework",
                "org.apache", "org.axonframework", "org.h2", "SQL")) {
            assertThat(body).as("an error body showing '%s'", sign).doesNotContain(sign);
        }
    }
}
