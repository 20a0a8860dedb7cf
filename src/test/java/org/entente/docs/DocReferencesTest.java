package org.entente.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The documentation names only what exists: every file, class, member, package and file excerpt named in
 * README.md, docs/*.md and the lessons in docs/lessons/ is in the tree or on the classpath (see
 * {@link DocReferences}). The last tests show the checker failing on names that do not exist.
 */
class DocReferencesTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    private static DocReferences references;

    @BeforeAll
    static void indexTheProject() {
        references = DocReferences.of(ROOT);
    }

    /** README.md, docs/*.md and docs/lessons/*.md. */
    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        for (String dir : List.of("docs", "docs/lessons")) {
            try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs;
    }

    @TestFactory
    Stream<DynamicTest> everyNameInTheDocumentationExists() throws IOException {
        return documents().stream().map(doc -> DynamicTest.dynamicTest(ROOT.relativize(doc).toString(),
                () -> assertThat(references.problems(Markdown.read(doc, ROOT))).isEmpty()));
    }

    @Test
    void theCheckerReportsNamesThatDoNotExist() {
        Markdown doc = Markdown.parse("inline.md", ROOT.resolve("docs"), String.join("\n",
                "The rules live in `RelationRules` (`RelationRules.check`), see src/main/java/org/entente/relation/rules/RelationRules.java.",
                "Not these: `NoSuchClass`, `RelationRules.noSuchGuard`, `org.entente.nosuchpackage`,",
                "src/main/java/Nope.java, scenarios/no-such-scenario.yaml, scenarios/*.toml, Nowhere.java and [a link](nowhere.md).",
                "```java file=src/main/java/org/entente/relation/rules/RelationRules.java",
                "public final class RelationRules {",
                "…",
                "    public static boolean noSuchMethod() {",
                "```"));

        assertThat(references.problems(doc)).containsExactly(
                "inline.md:2: `NoSuchClass` names no class of the project or its classpath",
                "inline.md:2: `RelationRules.noSuchGuard`: org.entente.relation.rules.RelationRules has no member noSuchGuard",
                "inline.md:2: `org.entente.nosuchpackage` is not a package of the project",
                "inline.md:3: src/main/java/Nope.java is not in the project tree",
                "inline.md:3: scenarios/no-such-scenario.yaml is not in the project tree",
                "inline.md:3: scenarios/*.toml is not in the project tree",
                "inline.md:3: no file of the project tree is named Nowhere.java",
                "inline.md:3: the link to nowhere.md leads nowhere",
                "inline.md:5: the excerpt of src/main/java/org/entente/relation/rules/RelationRules.java is no longer in the file,"
                        + " from: public static boolean noSuchMethod() {");
    }

    @Test
    void theCheckerAcceptsNamesThatExist() {
        Markdown doc = Markdown.parse("inline.md", ROOT.resolve("docs"), String.join("\n",
                "`RelationRules.check`, `Decision.Accepted`, `VetoScope.EXERCISES`, `@ResetHandler`, `ObjectMapper`, `Instant`,",
                "`org.entente.relation.events`, `VETOED`, scenarios/*.yaml, scenarios/turkey-never-vetoes.yaml, VetoCast.java,",
                "src/main/resources/seeds/, java.sql.Date, [the architecture](architecture.md#3-the-store-appends).",
                "```java file=src/main/java/org/entente/relation/rules/RelationRules.java",
                "public final class RelationRules {",
                "…",
                "    /** The rejection of {@code fact} in {@code state}, or empty when the fact may happen. */",
                "    public static Optional<Rejection> check(HistoricalFact fact, RelationState state) {",
                "```"));

        assertThat(references.problems(doc)).isEmpty();
    }
}
