package org.entente.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The crash test on the default store, H2 in a file, with the application's own datasource settings
 * ({@code WRITE_DELAY=0} in {@code application.properties}).
 *
 * <p>For the experiment that shows why that setting is there — and only for it — the child's datasource URL
 * can be replaced with {@code -Dentente.crash-test.h2-url=...}, where {@code {dir}} stands for the data
 * folder, e.g. {@code jdbc:h2:file:{dir}/entente;AUTO_SERVER=TRUE} (H2's default write delay).
 */
class H2CrashTest extends CrashTestSupport {

    private final Path data = Path.of("target", "crash-test", UUID.randomUUID().toString()).toAbsolutePath();

    @Override
    List<String> storeArguments() {
        List<String> args = new ArrayList<>(List.of("--entente.data-dir=" + data.resolve("data")));
        String url = System.getProperty("entente.crash-test.h2-url");
        if (url != null) {
            args.add("--spring.datasource.url=" + url.replace("{dir}", data.resolve("data").toString()));
        }
        return args;
    }

    @Override
    Path logs() {
        return data.resolve("logs");
    }

    @Test
    void everyAcknowledgedFactSurvivesSigkillExactlyOnce() throws Exception {
        killAndRestartRepeatedly();
    }
}
