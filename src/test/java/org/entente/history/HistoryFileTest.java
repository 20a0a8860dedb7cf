package org.entente.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entente.json.Json;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.Source;
import org.entente.relation.rules.Judgement;
import org.entente.relation.rules.Timeline;
import org.entente.time.Precision;
import org.entente.time.ValidDate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The history file against the seed articles: every fact is quoted from a seed, dated exactly as the text dates it. */
class HistoryFileTest {

    private static HistoryFile.RelationHistory israelNato;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = HistoryFileTest.class.getResourceAsStream("/history.yaml")) {
            HistoryFile file = HistoryFile.read(in, "history.yaml");
            assertThat(file.relations()).extracting(HistoryFile.RelationHistory::id).containsExactly("israel-nato");
            israelNato = file.relations().get(0);
        }
    }

    @Test
    void everyFactCitesASeedThatContainsItsQuote() throws IOException {
        List<String> missing = new ArrayList<>();
        for (HistoricalFact fact : israelNato.facts()) {
            assertThat(fact.sources()).as(fact.factId()).isNotEmpty();
            for (Source source : fact.sources()) {
                assertThat(source.seed()).as(fact.factId()).isNotNull();
                if (!normalise(seed(source.seed())).contains(normalise(source.quote()))) {
                    missing.add(fact.factId() + ": " + source.quote());
                }
            }
        }
        assertThat(missing).as("quotes not found in their seed").isEmpty();
    }

    /**
     * A fact is dated exactly as precisely as its quotes date it: "In 1995" is a year, "In December 1987" a
     * month, "On January 9, 2002" a day; the most precise rendering found in the quotes is the fact's precision.
     */
    @Test
    void everyFactKeepsThePrecisionItsQuotesGive() {
        List<String> wrong = new ArrayList<>();
        for (HistoricalFact fact : israelNato.facts()) {
            String quotes = normalise(String.join(" | ", fact.sources().stream().map(Source::quote).toList()));
            Precision found = null;
            for (Precision precision : Precision.values()) {
                if (quotes.contains(rendered(fact.date(), precision))) {
                    found = precision;
                }
            }
            if (found != fact.date().precision()) {
                wrong.add(fact.factId() + " is dated " + fact.date() + " but its quotes give " + found);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theSeedsShippedWithTheApplicationAreTheSharedSeeds() throws IOException {
        Path shared = Path.of("..", "shared", "seeds");
        Assumptions.assumeTrue(Files.isDirectory(shared), "../shared/seeds is not beside this checkout");
        try (var files = Files.list(shared)) {
            for (Path file : files.toList()) {
                assertThat(seed(file.getFileName().toString())).as(file.toString())
                        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theRecordedHistoryBreaksNoRule() {
        Judgement judgement = Timeline.judge(israelNato.facts());
        assertThat(judgement.rejected()).isEmpty();
        assertThat(judgement.accepted()).hasSize(israelNato.facts().size());
    }

    @Test
    void aFactWithAnUnknownParameterIsRefusedNamingTheFactAndField() {
        assertThatThrownBy(() -> read("""
                relations:
                  - id: r
                    title: t
                    parties: [A, B]
                    facts:
                      - id: veto
                        type: VetoCast
                        date: "2010"
                        memberState: Turkey
                        scop: EXERCISES
                        sources: [{seed: s.txt, quote: q}]
                """)).hasMessageContaining("fact 'veto', field 'scop'").hasMessageContaining("memberState, scope");
    }

    @Test
    void anImpossibleDateIsRefusedNamingTheField() {
        assertThatThrownBy(() -> read("""
                relations:
                  - id: r
                    title: t
                    parties: [A, B]
                    facts:
                      - {id: office, type: HeadquartersOfficeAuthorized, date: "2016-02-30", sources: [{seed: s.txt, quote: q}]}
                """)).hasMessageContaining("fact 'office', field 'date'").hasMessageContaining("2016-02-30");
    }

    @Test
    void aFactWithoutSourceIsRefused() {
        assertThatThrownBy(() -> read("""
                relations:
                  - id: r
                    title: t
                    parties: [A, B]
                    facts:
                      - {id: office, type: HeadquartersOfficeAuthorized, date: "2016"}
                """)).hasMessageContaining("fact 'office', field 'sources'");
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedOnes() {
        assertThatThrownBy(() -> read("""
                relations:
                  - id: r
                    title: t
                    parties: [A, B]
                    facts:
                      - {id: veto, type: VetoCast, date: "2010", memberState: Turkey, scope: EVERYTHING, sources: [{seed: s.txt, quote: q}]}
                """)).hasMessageContaining("field 'scope'").hasMessageContaining("[EXERCISES, OFFICE, ALL_COOPERATION]");
    }

    private static HistoryFile read(String yaml) {
        return HistoryFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static String rendered(ValidDate date, Precision precision) {
        String month = date.start().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        int year = date.start().getYear();
        return switch (precision) {
            case YEAR -> String.valueOf(year);
            case MONTH -> month + " " + year;
            case DAY -> month + " " + date.start().getDayOfMonth() + ", " + year;
        };
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = HistoryFileTest.class.getResourceAsStream("/seeds/" + name)) {
            assertThat(in).as("seed " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String normalise(String text) {
        return String.join(" ", text.split("\\s+"));
    }
}
