package org.entente.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The lessons in docs/lessons/ show what the code does: every command of their checked blocks is run, in
 * lesson order, against an application of its own (a fresh store with the shipped history, as for a reader
 * who starts on an empty data folder), and must print what the lesson shows (see {@link ShownCommands}
 * for what may differ). The last test shows the check failing on output that does not match.
 */
@TestPropertySource(properties = "entente.docs.lessons=a store of their own")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LessonsTest extends ApplicationTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private ShownCommands commands;

    @BeforeEach
    void commands() {
        commands = new ShownCommands(port, dataSource, json, Duration.ofSeconds(20));
    }

    /** The numbered lessons in order, then the path's README. */
    static List<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/lessons"))) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLessonPrintsWhatItShows() throws IOException {
        return lessons().stream().map(lesson -> DynamicTest.dynamicTest(lesson.getFileName().toString(), () -> {
            Markdown doc = Markdown.read(lesson, ROOT);
            if (lesson.getFileName().toString().matches("\\d\\d-.*")) {
                assertThat(ShownCommands.steps(doc)).as("%s shows at least one command with its output", doc.name()).isNotEmpty();
            }
            assertThat(commands.run(doc)).isEmpty();
        }));
    }

    @Test
    void theCheckFailsWhenAShownOutputNoLongerMatches() {
        ShownCommands impatient = new ShownCommands(port, dataSource, json, Duration.ofSeconds(1));
        Markdown doc = Markdown.parse("inline.md", ROOT.resolve("docs/lessons"), String.join("\n",
                "```console check",
                "$ java -jar target/entente.jar scenario diff scenarios/turkey-never-vetoes.yaml",
                "first divergence: 2011-01-01",
                "$ curl -s 'localhost:8080/api/relations/israel-nato/status?at=2011-01-01' | jq -c '.dimensions.exerciseParticipation.value'",
                "\"ACTIVE\"",
                "$ curl -s 'localhost:8080/api/relations/israel-nato/status?at=2011-01-01' | jq -r '.dimensions.exerciseParticipation.value'",
                "VETOED",
                "$ rm -rf target",
                "```"));

        List<String> failures = impatient.run(doc);

        assertThat(failures).hasSize(3);
        assertThat(failures.get(0)).startsWith("inline.md:2: `java -jar target/entente.jar scenario diff scenarios/turkey-never-vetoes.yaml`"
                + " no longer prints what is shown").contains("first divergence: 2010-01-01");
        assertThat(failures.get(1)).startsWith("inline.md:4: ").contains("--- printed:\n\"VETOED\"");
        assertThat(failures.get(2)).startsWith("inline.md:8: cannot run `rm -rf target`");
    }
}
